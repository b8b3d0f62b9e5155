package org.assessmentsapi.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.assessmentsapi.adapter.lambda.EventJson;
import org.assessmentsapi.adapter.lambda.MalformedEventException;

/** The parts of an API Gateway HTTP API (payload 2.0) event that the routes use; header names lower-cased. */
record HttpRequest(
        String routeKey,
        Map<String, String> headers,
        String body,
        boolean base64Encoded,
        String pathId,
        String requestId,
        String rawQueryString) {

    /** The only payload format this reads: API Gateway's 1.0 format has other fields and no {@code requestContext.http}. */
    static final String PAYLOAD_VERSION = "2.0";

    /**
     * Reads the event JSON that the Lambda runtime hands over. Required: {@code version} 2.0 and {@code routeKey}
     * (the route API Gateway matched: the handler dispatches on it, see {@link Route}). Optional: headers (names
     * lower-cased; names that differ only in case are joined with commas, as API Gateway joins repeated headers),
     * {@code pathParameters.id}, {@code requestContext.requestId}, body, {@code isBase64Encoded},
     * {@code rawQueryString} (as the client sent it: the list's parameters, repeated names kept apart). Everything
     * else (the method and path, which the route key already names, queryStringParameters, which joins repeated
     * values with commas, cookies, authorizer, ...) is not used by the routes and not read.
     */
    static HttpRequest read(InputStream in) throws MalformedEventException {
        JsonNode event = EventJson.readObject(in);
        String version = EventJson.text(event, "version");
        if (!PAYLOAD_VERSION.equals(version)) {
            // The value itself is not echoed: the answer and the log repeat nothing of the event but field names.
            throw new MalformedEventException(
                    "'version' is " + (version == null ? "missing" : "not \"" + PAYLOAD_VERSION + "\""));
        }
        String routeKey = EventJson.text(event, "routeKey");
        if (routeKey == null) {
            throw new MalformedEventException("'routeKey' is missing");
        }
        JsonNode context = EventJson.object(event, "requestContext");
        Map<String, String> headers = new HashMap<>();
        EventJson.strings(event, "headers")
                .forEach((name, value) ->
                        headers.merge(name.toLowerCase(Locale.ROOT), value, (first, second) -> first + "," + second));
        return new HttpRequest(
                routeKey,
                headers,
                EventJson.text(event, "body"),
                EventJson.bool(event, "isBase64Encoded"),
                EventJson.strings(event, "pathParameters").get("id"),
                EventJson.text(context, "requestId"),
                EventJson.text(event, "rawQueryString"));
    }

    String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
