package org.assessmentsapi.adapter.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rule of one JSON field: {@link #problem} says what is wrong with a present value ({@code null} when
 * nothing is), and {@link #value} converts a value that has no problem into its Java type.
 * JSON {@code null} is never a valid value: no field can be cleared.
 */
public sealed interface FieldRule {

    String problem(JsonNode node);

    Object value(JsonNode node);

    /** What is wrong with a field's node ({@code null} when absent), or {@code null} when nothing is. */
    default String problemOf(JsonNode node) {
        return node == null ? "is required" : node.isNull() ? "must not be null" : problem(node);
    }

    /**
     * The value of the required field {@code name} of {@code parent}; {@code null}, with an error named
     * {@code path}, when it is absent or has a problem.
     */
    default Object requiredIn(JsonNode parent, String name, String path, List<FieldError> errors) {
        JsonNode node = parent.get(name);
        String problem = problemOf(node);
        if (problem != null) {
            errors.add(new FieldError(path, problem));
            return null;
        }
        return value(node);
    }

    /**
     * A string of {@code min..max} Unicode code points, well-formed, without control characters (general category
     * Cc); with {@code min > 0} also not blank: not only Unicode White_Space (which, unlike {@link String#isBlank},
     * counts U+00A0, U+2007 and U+202F). docs/openapi.yaml states the same as {@code pattern}s.
     */
    record Text(int min, int max) implements FieldRule {
        private static final Pattern BLANK = Pattern.compile("\\p{IsWhite_Space}*");

        @Override
        public String problem(JsonNode node) {
            if (!node.isTextual()) {
                return "must be a string";
            }
            String text = node.textValue();
            if (!isWellFormed(text)) {
                return "must be valid Unicode text (no unpaired surrogates)";
            }
            if (text.codePoints().anyMatch(Character::isISOControl)) {
                return "must not contain control characters";
            }
            int length = text.codePointCount(0, text.length());
            if (length < min || length > max) {
                return min == 0
                        ? "must be at most " + max + " characters long"
                        : "must be " + min + " to " + max + " characters long";
            }
            if (min > 0 && BLANK.matcher(text).matches()) {
                return "must not be blank";
            }
            return null;
        }

        @Override
        public Object value(JsonNode node) {
            return node.textValue();
        }

        private static boolean isWellFormed(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One of the constants of an enum, spelled exactly. */
    record OneOf<E extends Enum<E>>(Class<E> type) implements FieldRule {
        @Override
        public String problem(JsonNode node) {
            boolean known = node.isTextual()
                    && Arrays.stream(type.getEnumConstants())
                            .anyMatch(e -> e.name().equals(node.textValue()));
            return known
                    ? null
                    : "must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", "));
        }

        @Override
        public Object value(JsonNode node) {
            return Enum.valueOf(type, node.textValue());
        }
    }

    /**
     * A JSON number in {@code [min, max]}. The scale is bounded because DynamoDB numbers hold at most
     * 38 significant digits: a value such as 1e-400 is in range but could never be stored.
     */
    record DecimalRange(BigDecimal min, BigDecimal max, int maxDecimalPlaces) implements FieldRule {
        @Override
        public String problem(JsonNode node) {
            if (!node.isNumber()) {
                return "must be a number";
            }
            BigDecimal value = node.decimalValue();
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                return "must be a number from " + min.toPlainString() + " to " + max.toPlainString();
            }
            if (value.stripTrailingZeros().scale() > maxDecimalPlaces) {
                return "must have at most " + maxDecimalPlaces + " decimal places";
            }
            return null;
        }

        @Override
        public Object value(JsonNode node) {
            return Numbers.normalize(node.decimalValue());
        }
    }

    /** An assessment id: a UUID, normalised to lower case (see {@link AssessmentIds}). */
    record Uuid() implements FieldRule {
        @Override
        public String problem(JsonNode node) {
            return node.isTextual() && AssessmentIds.normalize(node.textValue()).isPresent()
                    ? null
                    : "must be a UUID such as " + AssessmentIds.EXAMPLE;
        }

        @Override
        public Object value(JsonNode node) {
            return AssessmentIds.normalize(node.textValue()).orElseThrow();
        }
    }

    /**
     * An integral JSON number from {@code min} to {@link Long#MAX_VALUE}, in any JSON spelling of it: {@code 3},
     * {@code 3.0} and {@code 3e0} are all 3, as JSON Schema's {@code type: integer} counts them; {@code 1.5} and
     * integers beyond a long are refused (docs/openapi.yaml states the same bounds).
     */
    record WholeNumber(long min) implements FieldRule {
        private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

        @Override
        public String problem(JsonNode node) {
            boolean ok = node.isNumber()
                    && isIntegral(node.decimalValue())
                    && node.decimalValue().compareTo(BigDecimal.valueOf(min)) >= 0
                    && node.decimalValue().compareTo(MAX) <= 0;
            return ok ? null : "must be an integer from " + min + " to " + Long.MAX_VALUE;
        }

        @Override
        public Object value(JsonNode node) {
            return node.decimalValue().longValueExact();
        }

        private static boolean isIntegral(BigDecimal value) {
            return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
        }
    }
}
