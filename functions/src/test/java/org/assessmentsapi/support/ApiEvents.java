package org.assessmentsapi.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Request events built from the sample events in {@code events/} (the same files SAM invokes), loaded
 * with the Lambda runtime's own event serialization, then given a fresh id, token and body.
 */
public final class ApiEvents {

    private ApiEvents() {
    }

    public static Path eventsDir() {
        return Path.of(System.getProperty("events.dir", "../events"));
    }

    public static APIGatewayV2HTTPEvent sample(String fileName) {
        return EventLoader.loadApiGatewayHttpEvent(eventsDir().resolve(fileName).toString());
    }

    public static APIGatewayV2HTTPEvent put(String id, String token, String body) {
        APIGatewayV2HTTPEvent event = onItem(sample("put-assessment.json"), id, token);
        event.setBody(body);
        return event;
    }

    public static APIGatewayV2HTTPEvent get(String id, String token) {
        return onItem(sample("get-assessment.json"), id, token);
    }

    public static APIGatewayV2HTTPEvent post(String token, String body) {
        APIGatewayV2HTTPEvent event = sample("post-assessment.json");
        setToken(event, token);
        event.setBody(body);
        return event;
    }

    private static APIGatewayV2HTTPEvent onItem(APIGatewayV2HTTPEvent event, String id, String token) {
        String path = "/api/assessments/" + id;
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        event.setPathParameters(Map.of("id", id));
        setToken(event, token);
        return event;
    }

    private static void setToken(APIGatewayV2HTTPEvent event, String token) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (token == null) {
            headers.remove("authorization");
        } else {
            headers.put("authorization", "Bearer " + token);
        }
        event.setHeaders(headers);
    }

    /** Replaces (or removes, with null) one header of an event. */
    public static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        event.setHeaders(headers);
        return event;
    }
}
