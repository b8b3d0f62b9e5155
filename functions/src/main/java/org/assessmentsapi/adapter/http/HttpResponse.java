package org.assessmentsapi.adapter.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;

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

    static HttpResponse json(int status, String contentType, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        // Assessments are private to their owner: no shared cache may keep them.
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.putAll(extraHeaders);
        return new HttpResponse(status, Map.copyOf(headers), body);
    }

    APIGatewayV2HTTPResponse toApiGateway() {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
