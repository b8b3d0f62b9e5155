package org.assessmentsapi.adapter.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assessmentsapi.adapter.lambda.EventJson;

/** A response before it becomes an API Gateway v2 response; carries the headers every answer needs. */
record HttpResponse(int status, Map<String, String> headers, String body) {

    /** 304: the client's copy is current. No body; the headers a 200 would have carried for caching. */
    static HttpResponse notModified(String etag) {
        return new HttpResponse(304, Map.of("ETag", etag, "Cache-Control", "no-store"), null);
    }

    /** 204: done, nothing to say. */
    static HttpResponse noContent() {
        return new HttpResponse(204, Map.of("Cache-Control", "no-store"), null);
    }

    /** The same status and headers without the body: the answer to a HEAD request. */
    HttpResponse withoutBody() {
        return new HttpResponse(status, headers, null);
    }

    static HttpResponse json(int status, String contentType, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        // Assessments are private to their owner: no shared cache may keep them.
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.putAll(extraHeaders);
        return new HttpResponse(status, Map.copyOf(headers), body);
    }

    /**
     * Writes the API Gateway HTTP API response (payload format 2.0): {@code statusCode}, {@code headers},
     * {@code body} (omitted when there is none, as for a 304) and {@code isBase64Encoded} (always false: every
     * body is text). The API sets no cookies, so {@code cookies} is never written.
     */
    void writeTo(OutputStream out) throws IOException {
        try (JsonGenerator json = EventJson.generator(out)) {
            json.writeStartObject();
            json.writeNumberField("statusCode", status);
            json.writeObjectFieldStart("headers");
            for (var header : headers.entrySet()) {
                json.writeStringField(header.getKey(), header.getValue());
            }
            json.writeEndObject();
            if (body != null) {
                json.writeStringField("body", body);
            }
            json.writeBooleanField("isBase64Encoded", false);
            json.writeEndObject();
        }
    }

    /** The response JSON as bytes (for adapters in front of the handler, and for priming). */
    byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }
}
