package org.assessmentsapi.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.assessmentsapi.bootstrap.DynamoDbClients;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.EmfSpecification;
import org.assessmentsapi.support.LogCapture;
import org.junit.jupiter.api.Test;

/**
 * What one API request leaves in the log, on dynalite: one summary line (route template, status, duration, API
 * Gateway's request id) and one metric document that counts it by route and status class, says what the status
 * means (a conflict, a refused token) and has the DynamoDB calls' latencies. LogCapture validates every document.
 */
class ApiTelemetryTest extends ApiTestSupport {

    @Test
    void aStaleUpdateIsOneConflictOnItsRouteWithItsDynamoDbCalls() {
        String id = createAssessment();
        put(id, "{\"progress\":10,\"version\":1}");
        APIGatewayV2HTTPEvent stale = ApiEvents.put(id, token, "{\"progress\":20,\"version\":1}");
        String apiRequestId = stale.getRequestContext().getRequestId();
        int before = LogCapture.lines().size();
        // Through the production DynamoDB client (DynamoDbClients: its call timer) on the same dynalite and table.
        try (var client = DynamoDbClients.create(env.config, Map.of())) {
            assertEquals(
                    409,
                    env.handlerWith(env.config, client)
                            .handleRequest(stale, null)
                            .getStatusCode());
        }
        List<String> lines = linesSince(before);

        JsonNode summary = only(lines, false);
        assertEquals("request", summary.get("message").asText());
        assertEquals("PUT /api/assessments/{id}", summary.get("route").asText());
        assertEquals(409, summary.get("status").asInt());
        assertTrue(summary.get("duration_ms").asDouble() > 0, summary.toString());
        assertEquals(apiRequestId, summary.get("api_request_id").asText());
        assertFalse(summary.toString().contains(id), "no assessment id in the summary: " + summary);

        JsonNode metrics = only(lines, true);
        assertEquals("PUT /api/assessments/{id}", metrics.get("Route").asText());
        assertEquals("4xx", metrics.get("StatusClass").asText());
        assertEquals(1, metrics.get("Requests").asInt());
        assertEquals(1, metrics.get("VersionConflict").asInt());
        assertEquals(0, metrics.get("Unauthorized").asInt());
        assertEquals(0, metrics.get("Forbidden").asInt());
        assertEquals(0, metrics.get("StoreUnavailable").asInt());
        // The failed conditional update, then the read that explains it (dynalite returns no item with the failure).
        assertTrue(metrics.get("DynamoDbLatency").size() >= 1, metrics.toString());
        assertFalse(metrics.toString().contains(id), "no assessment id in the metrics: " + metrics);
    }

    @Test
    void aRefusedTokenIsUnauthorizedAndTheColdStartIsTakenOnce() {
        int before = LogCapture.lines().size();
        send(ApiEvents.get(java.util.UUID.randomUUID().toString(), "not-a-token"));
        send(ApiEvents.get(java.util.UUID.randomUUID().toString(), "not-a-token"));
        List<String> lines = linesSince(before);
        List<JsonNode> documents = lines.stream()
                .filter(EmfSpecification::isEmf)
                .map(EmfSpecification::tree)
                .toList();
        assertEquals(2, documents.size(), lines.toString());
        for (JsonNode document : documents) {
            assertEquals(1, document.get("Unauthorized").asInt());
            assertEquals(0, document.get("Forbidden").asInt());
            assertEquals("GET /api/assessments/{id}", document.get("Route").asText());
            assertEquals(0, document.get("ColdStart").asInt(), "the fixture's handler served requests before");
        }
    }

    @Test
    void aValidTokenWithoutTheRoutesScopeIsForbiddenNotUnauthorized() {
        var scoped = env.handlerTrusting(
                env.issuer.issuer(), env.issuer.audience(), Map.of("WRITE_SCOPE", "write:assessments"));
        int before = LogCapture.lines().size();
        assertEquals(
                403,
                scoped.handleRequest(ApiEvents.post(token, CREATE_BODY), null).getStatusCode());
        List<String> lines = linesSince(before);

        JsonNode metrics = only(lines, true);
        assertEquals("POST /api/assessments", metrics.get("Route").asText());
        assertEquals("4xx", metrics.get("StatusClass").asText());
        assertEquals(1, metrics.get("Forbidden").asInt());
        assertEquals(0, metrics.get("Unauthorized").asInt());
        assertEquals(0, metrics.get("ValidationFailed").asInt());
    }

    /** The lines logged since the capture held {@code before} of them. */
    private static List<String> linesSince(int before) {
        return LogCapture.lines().subList(before, LogCapture.lines().size());
    }

    private static JsonNode only(List<String> lines, boolean metrics) {
        List<JsonNode> found = lines.stream()
                .filter(line -> EmfSpecification.isEmf(line) == metrics)
                .map(EmfSpecification::tree)
                .filter(line -> metrics || "request".equals(line.path("message").asText()))
                .toList();
        assertEquals(1, found.size(), lines.toString());
        return found.get(0);
    }
}
