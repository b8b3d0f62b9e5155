package org.assessmentsapi.adapter.validation;

import static org.assessmentsapi.adapter.validation.AssessmentField.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.assessmentsapi.application.ListQuery;
import org.assessmentsapi.domain.AssessmentChanges;
import org.assessmentsapi.domain.AssessmentStatus;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.IntakeMode;
import org.assessmentsapi.domain.NewAssessment;
import org.assessmentsapi.domain.RiskLevel;

/**
 * Validates request bodies and the changes of update events against a {@link RequestSchema}: the one place
 * where the fields of an assessment are judged. Every problem is reported, in the order of the body's fields,
 * then missing required fields.
 */
public final class RequestValidator {

    private static final Set<String> LIST_PARAMETERS = Set.of("limit", "status", "cursor");

    /** Validates an update (API or service): only the provided fields will change. */
    public Validated<AssessmentUpdate> validateUpdate(JsonNode body, RequestSchema schema) {
        return mapValid(
                validate(body, schema),
                values -> new AssessmentUpdate(
                        new AssessmentChanges(
                                values.get(NAME, String.class),
                                values.get(COMPANY_NAME, String.class),
                                values.get(COMPANY_TYPE, String.class),
                                values.get(STATUS, AssessmentStatus.class),
                                values.get(PROGRESS, BigDecimal.class),
                                values.get(OVERALL_RISK_SCORE, BigDecimal.class),
                                values.get(OVERALL_RISK_LEVEL, RiskLevel.class)),
                        values.values().containsKey(VERSION)
                                ? OptionalLong.of(values.get(VERSION, Long.class))
                                : OptionalLong.empty()));
    }

    /** Validates the body of a creation. */
    public Validated<NewAssessment> validateCreate(JsonNode body) {
        return mapValid(
                validate(body, RequestSchema.CREATE),
                values -> new NewAssessment(
                        values.get(NAME, String.class),
                        values.get(COMPANY_NAME, String.class),
                        values.get(COMPANY_TYPE, String.class),
                        values.get(COUNTRY, String.class),
                        values.get(INTAKE_MODE, IntakeMode.class)));
    }

    /**
     * Validates the query of a list request: {@code limit} (at most once, an integer {@value ListQuery#MIN_LIMIT} to
     * {@value ListQuery#MAX_LIMIT}, default {@value ListQuery#DEFAULT_LIMIT}), {@code status} (repeatable, each one of
     * the statuses), {@code cursor} (at most once, not empty); any other parameter is refused. Every problem is
     * reported, each naming its parameter as {@code field}.
     */
    public Validated<ListRequest> validateListQuery(String rawQueryString) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, List<String>> parameters = QueryParameters.parse(rawQueryString, errors);
        parameters.keySet().stream()
                .filter(name -> !LIST_PARAMETERS.contains(name))
                .forEach(name -> errors.add(new FieldError(name, "is not a known parameter (limit, status, cursor)")));
        int limit = ListQuery.DEFAULT_LIMIT;
        List<String> limits = parameters.getOrDefault("limit", List.of());
        if (limits.size() > 1) {
            errors.add(new FieldError("limit", "must be given at most once"));
        } else if (limits.size() == 1) {
            limit = limitValue(limits.get(0));
            if (limit < 0) {
                errors.add(new FieldError(
                        "limit", "must be an integer from " + ListQuery.MIN_LIMIT + " to " + ListQuery.MAX_LIMIT));
            }
        }
        Set<AssessmentStatus> statuses = EnumSet.noneOf(AssessmentStatus.class);
        for (String value : parameters.getOrDefault("status", List.of())) {
            Optional<AssessmentStatus> status = Arrays.stream(AssessmentStatus.values())
                    .filter(candidate -> candidate.name().equals(value))
                    .findFirst();
            status.ifPresentOrElse(
                    statuses::add,
                    () -> errors.add(new FieldError(
                            "status",
                            "must be one of "
                                    + Arrays.stream(AssessmentStatus.values())
                                            .map(Enum::name)
                                            .collect(Collectors.joining(", ")))));
        }
        List<String> cursors = parameters.getOrDefault("cursor", List.of());
        if (cursors.size() > 1) {
            errors.add(new FieldError("cursor", "must be given at most once"));
        } else if (cursors.size() == 1 && cursors.get(0).isEmpty()) {
            errors.add(new FieldError("cursor", "must not be empty: omit it for the first page"));
        }
        if (!errors.isEmpty()) {
            return new Validated.Invalid<>(errors);
        }
        return new Validated.Valid<>(
                new ListRequest(new ListQuery(statuses, limit), cursors.stream().findFirst()));
    }

    /** The limit a decimal without sign or leading zero names, or -1 outside the range (or when it is none). */
    private static int limitValue(String text) {
        if (text.isEmpty()
                || text.length() > 3
                || text.charAt(0) == '0'
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int value = Integer.parseInt(text);
        return value >= ListQuery.MIN_LIMIT && value <= ListQuery.MAX_LIMIT ? value : -1;
    }

    Validated<FieldValues> validate(JsonNode body, RequestSchema schema) {
        if (body == null || !body.isObject()) {
            return new Validated.Invalid<>(List.of(new FieldError(null, "the body must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        Map<AssessmentField, Object> values = new EnumMap<>(AssessmentField.class);
        body.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode node = entry.getValue();
            var field = byJsonName(name).filter(schema::accepts);
            if (field.isEmpty()) {
                errors.add(
                        new FieldError(name, isKnown(name) ? "cannot be set by this request" : "is not a known field"));
            } else {
                String problem = field.get().rule().problemOf(node);
                if (problem != null) {
                    errors.add(new FieldError(name, problem));
                } else {
                    values.put(field.get(), field.get().rule().value(node));
                }
            }
        });
        for (AssessmentField required : schema.required()) {
            if (!body.has(required.jsonName())) {
                errors.add(new FieldError(required.jsonName(), "is required"));
            }
        }
        if (schema.required().isEmpty()
                && errors.isEmpty()
                && schema.changeFields().stream().noneMatch(values::containsKey)) {
            errors.add(new FieldError(
                    null,
                    "provide at least one of: "
                            + schema.changeFields().stream()
                                    .map(AssessmentField::jsonName)
                                    .collect(Collectors.joining(", "))));
        }
        return errors.isEmpty() ? new Validated.Valid<>(new FieldValues(values)) : new Validated.Invalid<>(errors);
    }

    private static boolean isKnown(String name) {
        return byJsonName(name).isPresent() || RequestSchema.SERVER_OWNED.contains(name);
    }

    private static <T> Validated<T> mapValid(
            Validated<FieldValues> result, java.util.function.Function<FieldValues, T> convert) {
        return switch (result) {
            case Validated.Valid<FieldValues>(var values) -> new Validated.Valid<>(convert.apply(values));
            case Validated.Invalid<FieldValues>(var errors) -> new Validated.Invalid<>(errors);
        };
    }
}
