package org.assessmentsapi.adapter.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The parts of an API Gateway HTTP API (payload 2.0) event that the routes use; header names lower-cased. */
record HttpRequest(String method, String path, Map<String, String> headers, String body, boolean base64Encoded,
                   String pathId, String requestId, String rawQueryString) {

    static HttpRequest from(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        String method = context != null && context.getHttp() != null ? context.getHttp().getMethod() : null;
        String path = context != null && context.getHttp() != null && context.getHttp().getPath() != null
                ? context.getHttp().getPath() : event.getRawPath();
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        String pathId = event.getPathParameters() == null ? null : event.getPathParameters().get("id");
        String requestId = context == null ? null : context.getRequestId();
        return new HttpRequest(method == null ? "" : method.toUpperCase(Locale.ROOT), path == null ? "" : path,
                headers, event.getBody(), event.getIsBase64Encoded(), pathId, requestId, event.getRawQueryString());
    }

    String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
