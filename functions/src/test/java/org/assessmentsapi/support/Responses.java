package org.assessmentsapi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Set;

/** Reading and checking handler responses in tests. */
public final class Responses {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OWN_HEADERS = Set.of(
            "Content-Type",
            "Cache-Control",
            "X-Content-Type-Options",
            "Retry-After",
            "WWW-Authenticate",
            "Allow",
            "Accept",
            "Accept-Encoding",
            "ETag",
            "Location");

    private Responses() {}

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts an RFC 9457 problem with this status, and that nothing internal leaks into it. */
    public static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status) {
        assertEquals(status, response.getStatusCode(), () -> "body: " + response.getBody());
        return assertProblemShape(response);
    }

    /** Asserts a 4xx problem (any client error) with nothing internal in it and no injected header. */
    public static JsonNode assertClientProblem(APIGatewayV2HTTPResponse response) {
        int status = response.getStatusCode();
        assertTrue(status >= 400 && status < 500, () -> "expected a 4xx, got " + status + ": " + response.getBody());
        assertNoInjectedHeader(response);
        return assertProblemShape(response);
    }

    /** Only the API's own headers, and no value that could split the response. */
    public static void assertNoInjectedHeader(APIGatewayV2HTTPResponse response) {
        response.getHeaders().forEach((name, value) -> {
            assertTrue(OWN_HEADERS.contains(name), () -> "unexpected header " + name);
            assertTrue(
                    value.chars().noneMatch(c -> c < 0x20 || c == 0x7F), () -> "control character in header " + name);
        });
    }

    private static JsonNode assertProblemShape(APIGatewayV2HTTPResponse response) {
        int status = response.getStatusCode();
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        JsonNode problem = json(response);
        assertEquals(status, problem.get("status").asInt());
        assertFalse(problem.get("type").asText().isEmpty());
        assertFalse(problem.get("title").asText().isEmpty());
        assertFalse(problem.get("detail").asText().isEmpty());
        assertFalse(response.getBody().contains("Exception"), "no exception names in a client answer");
        assertFalse(response.getBody().contains("\tat "), "no stack trace in a client answer");
        return problem;
    }

    public static String body(Object... keyValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
        }
        return node.toString();
    }
}
