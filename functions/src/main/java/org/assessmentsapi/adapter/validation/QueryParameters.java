package org.assessmentsapi.adapter.validation;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query string as the client sent it ({@code rawQueryString}), split into names and their values in order:
 * {@code application/x-www-form-urlencoded}, percent-escapes in UTF-8, {@code +} a space, nothing but printable
 * ASCII unescaped. A repeated name keeps every
 * value, so that the rules can tell {@code status=A&status=B} (allowed) from {@code limit=1&limit=2} (refused).
 * Read from the raw string because API Gateway's {@code queryStringParameters} joins repeated values with commas.
 */
final class QueryParameters {

    private QueryParameters() {}

    /** Names and values; a part that is not valid percent-encoded UTF-8 is reported in {@code errors} and skipped. */
    static Map<String, List<String>> parse(String rawQueryString, List<FieldError> errors) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQueryString == null || rawQueryString.isEmpty()) {
            return parameters;
        }
        for (String part : rawQueryString.split("&", -1)) {
            if (part.isEmpty()) {
                continue; // "a=1&&b=2" or a trailing "&": nothing was sent there
            }
            int equals = part.indexOf('=');
            String name = decode(equals < 0 ? part : part.substring(0, equals));
            String value = equals < 0 ? "" : decode(part.substring(equals + 1));
            if (name == null || value == null) {
                errors.add(new FieldError(null, "the query string is not valid percent-encoded UTF-8"));
                continue;
            }
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /** The decoded text, or null when a percent-escape is broken or the bytes are not UTF-8. */
    private static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c > 0x20 && c < 0x7F) {
                bytes.write(c);
            } else {
                return null; // a raw query string is printable ASCII; anything else must be percent-encoded
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
