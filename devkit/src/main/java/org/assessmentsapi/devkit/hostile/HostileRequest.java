package org.assessmentsapi.devkit.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated request, independent of how it is delivered (a Lambda event or raw HTTP).
 *
 * @param kind    the category, for counting and for reproducing a failure
 * @param method  the HTTP method
 * @param pathId  what follows {@code /api/assessments/}; {@code null} for the collection
 * @param headers header names (lower case) and values, without {@code authorization}, which the sender adds
 * @param text    the body as text, possibly holding unpaired surrogates (only an event can carry those);
 *                {@code null} when {@link #bytes} is used
 * @param bytes   the body as raw bytes (possibly invalid UTF-8), sent base64-encoded in an event
 * @param query   the raw query string (percent-encoded printable ASCII, as on a request line); {@code null} for none
 */
public record HostileRequest(
        String kind,
        String method,
        String pathId,
        Map<String, String> headers,
        String text,
        byte[] bytes,
        String query) {

    public HostileRequest {
        headers = Map.copyOf(headers);
    }

    /** A request without a query string. */
    public HostileRequest(
            String kind, String method, String pathId, Map<String, String> headers, String text, byte[] bytes) {
        this(kind, method, pathId, headers, text, bytes, null);
    }

    public String path() {
        return "/api/assessments" + (pathId == null ? "" : "/" + pathId);
    }

    /** The body as it would travel over HTTP (unpaired surrogates become '?', as any encoder would do). */
    public byte[] bodyBytes() {
        if (bytes != null) {
            return bytes.clone();
        }
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    /** A short, printable description for failure messages: kind, method, path and the start of the body. */
    public String describe() {
        String body = text != null
                ? text
                : bytes == null
                        ? ""
                        : "bytes"
                                + java.util.Arrays.toString(java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 24)));
        String excerpt = body.length() > 120 ? body.substring(0, 120) + "...(" + body.length() + " chars)" : body;
        return kind + " " + method + " " + path() + (query == null ? "" : "?" + query) + " " + headers + " body="
                + excerpt.replaceAll("\\p{Cntrl}", "?");
    }
}
