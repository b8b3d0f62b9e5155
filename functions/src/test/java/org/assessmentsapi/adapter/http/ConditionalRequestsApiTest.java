package org.assessmentsapi.adapter.http;

import static org.assessmentsapi.support.Responses.assertProblem;
import static org.assessmentsapi.support.Responses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assessmentsapi.support.ApiEvents;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * ETag, If-Match on PUT and If-None-Match on GET, through the handler, against dynalite: each row of README's
 * "Conditional request rules" table (ETag; If-Match; body version, alone and with If-Match; If-None-Match).
 */
class ConditionalRequestsApiTest extends ApiTestSupport {

    private APIGatewayV2HTTPResponse putIfMatch(String id, String ifMatch, String body) {
        return send(ApiEvents.withHeader(ApiEvents.put(id, token, body), "if-match", ifMatch));
    }

    private APIGatewayV2HTTPResponse getIfNoneMatch(String id, String ifNoneMatch) {
        return send(ApiEvents.withHeader(ApiEvents.get(id, token), "if-none-match", ifNoneMatch));
    }

    @Test
    void ifMatchWithTheCurrentVersionUpdates() {
        String id = createAssessment();

        APIGatewayV2HTTPResponse response = putIfMatch(id, "\"1\"", "{\"progress\":30}");

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("\"2\"", response.getHeaders().get("ETag"));
        assertEquals("30", rawItem(id).get("progress").n());
    }

    @Test
    void ifMatchWithAStaleVersionIsPreconditionFailedWithTheCurrentVersionAndWritesNothing() {
        String id = createAssessment();
        assertEquals(200, put(id, "{\"progress\":10}").getStatusCode());
        Map<String, AttributeValue> before = rawItem(id);

        JsonNode problem = assertProblem(putIfMatch(id, "\"1\"", "{\"progress\":99}"), 412);

        assertEquals(
                "urn:assessments-api:problem:precondition-failed",
                problem.get("type").asText());
        assertEquals(2, problem.get("currentVersion").asLong());
        assertEquals(before, rawItem(id));
    }

    @Test
    void aWeakOrNonVersionTagNeverMatchesIfMatch() {
        String id = createAssessment();
        for (String tag : List.of("W/\"1\"", "\"01\"", "\"abc\"", "\"0\"")) {
            JsonNode problem = assertProblem(putIfMatch(id, tag, "{\"progress\":5}"), 412);
            assertFalse(problem.has("currentVersion"), tag + ": no write was tried, so no version is known");
        }
        assertEquals("1", rawItem(id).get("version").n());
    }

    @Test
    void ifMatchStarRequiresOnlyThatTheAssessmentExists() {
        String id = createAssessment();
        assertEquals(200, putIfMatch(id, "*", "{\"progress\":5}").getStatusCode());
        assertProblem(putIfMatch(UUID.randomUUID().toString(), "*", "{\"progress\":5}"), 404);
        // With *, the body's version still decides, and its mismatch stays a 409.
        assertProblem(putIfMatch(id, "*", "{\"progress\":6,\"version\":1}"), 409);
    }

    @Test
    void ifMatchOnAnotherUsersOrAMissingAssessmentIsNotFound() {
        String id = createAssessment();
        String intruder = env.issuer.token("auth0|intruder-" + UUID.randomUUID());
        assertProblem(
                send(ApiEvents.withHeader(ApiEvents.put(id, intruder, "{\"name\":\"x\"}"), "if-match", "\"1\"")), 404);
        assertProblem(putIfMatch(UUID.randomUUID().toString(), "\"1\"", "{\"progress\":5}"), 404);
        assertEquals("1", rawItem(id).get("version").n());
    }

    @Test
    void ifMatchAndBodyVersionMustAgree() {
        String id = createAssessment();

        JsonNode problem = assertProblem(putIfMatch(id, "\"1\"", "{\"progress\":5,\"version\":2}"), 400);
        assertEquals(
                "urn:assessments-api:problem:invalid-precondition",
                problem.get("type").asText());
        assertEquals("1", rawItem(id).get("version").n());

        assertEquals(
                200, putIfMatch(id, "\"1\"", "{\"progress\":5,\"version\":1}").getStatusCode());
        // Both given and equal but stale: If-Match was sent, so the answer is the HTTP precondition's 412.
        JsonNode stale = assertProblem(putIfMatch(id, "\"1\"", "{\"progress\":6,\"version\":1}"), 412);
        assertEquals(
                "urn:assessments-api:problem:precondition-failed",
                stale.get("type").asText());
        assertEquals(2, stale.get("currentVersion").asLong());
        assertEquals("2", rawItem(id).get("version").n());
        assertEquals("5", rawItem(id).get("progress").n(), "nothing written by the refused update");
    }

    @Test
    void theBodysVersionAloneIsTheSameCheckAnsweredWith409() {
        String id = createAssessment();
        put(id, "{\"progress\":5}");

        JsonNode conflict = assertProblem(put(id, "{\"progress\":6,\"version\":1}"), 409);

        assertEquals(
                "urn:assessments-api:problem:version-conflict",
                conflict.get("type").asText());
        assertEquals(2, conflict.get("currentVersion").asLong());
        assertEquals("2", rawItem(id).get("version").n());
        assertEquals(200, put(id, "{\"progress\":6,\"version\":2}").getStatusCode());
    }

    @Test
    void every200And201And304CarriesTheVersionAsAStrongETag() {
        APIGatewayV2HTTPResponse created = send(ApiEvents.post(token, CREATE_BODY));
        assertEquals(201, created.getStatusCode());
        assertEquals("\"1\"", created.getHeaders().get("ETag"));
        String id = json(created).get("id").asText();
        assertEquals("\"2\"", put(id, "{\"progress\":5}").getHeaders().get("ETag"));
        assertEquals("\"2\"", send(ApiEvents.get(id, token)).getHeaders().get("ETag"));
        assertEquals("\"2\"", getIfNoneMatch(id, "\"2\"").getHeaders().get("ETag"));
    }

    @Test
    void malformedOrListedIfMatchIsBadRequest() {
        String id = createAssessment();
        for (String value : List.of("1", "\"1", "\"1\" x", "W/1", "", " , ", "\"1\", \"2\"", "\"a\"b\"")) {
            JsonNode problem = assertProblem(putIfMatch(id, value, "{\"progress\":5}"), 400);
            assertEquals(
                    "urn:assessments-api:problem:invalid-precondition",
                    problem.get("type").asText(),
                    value);
        }
        assertEquals("1", rawItem(id).get("version").n());
    }

    @Test
    void ifNoneMatchIsRefusedOnPut() {
        String id = createAssessment();
        var event = ApiEvents.withHeader(ApiEvents.put(id, token, "{\"progress\":5}"), "if-none-match", "*");
        assertProblem(send(event), 400);
        assertEquals("1", rawItem(id).get("version").n());
    }

    @Test
    void getAnswersTheVersionAsETag() {
        String id = createAssessment();
        put(id, "{\"progress\":5}");

        APIGatewayV2HTTPResponse response = send(ApiEvents.get(id, token));

        assertEquals(200, response.getStatusCode());
        assertEquals("\"2\"", response.getHeaders().get("ETag"));
        assertEquals(2, json(response).get("version").asLong());
    }

    @Test
    void ifNoneMatchWithTheCurrentVersionIsNotModifiedWithoutABody() {
        String id = createAssessment();
        for (String value : List.of("\"1\"", "W/\"1\"", "\"7\", \"1\"", "*")) {
            APIGatewayV2HTTPResponse response = getIfNoneMatch(id, value);
            assertEquals(304, response.getStatusCode(), value);
            assertEquals("\"1\"", response.getHeaders().get("ETag"));
            assertTrue(response.getBody() == null || response.getBody().isEmpty(), value);
            assertNull(response.getHeaders().get("Content-Type"));
        }
    }

    @Test
    void ifNoneMatchWithAnOldVersionAnswersTheAssessment() {
        String id = createAssessment();
        put(id, "{\"progress\":5}");

        APIGatewayV2HTTPResponse response = getIfNoneMatch(id, "\"1\"");

        assertEquals(200, response.getStatusCode());
        assertEquals("\"2\"", response.getHeaders().get("ETag"));
        assertEquals(5, json(response).get("progress").asInt());
    }

    @Test
    void ifNoneMatchDoesNotHideThatAnAssessmentIsMissingOrForeign() {
        String id = createAssessment();
        String intruder = env.issuer.token("auth0|intruder-" + UUID.randomUUID());
        assertProblem(send(ApiEvents.withHeader(ApiEvents.get(id, intruder), "if-none-match", "*")), 404);
        assertProblem(getIfNoneMatch(UUID.randomUUID().toString(), "\"1\""), 404);
    }

    @Test
    void malformedIfNoneMatchIsBadRequest() {
        String id = createAssessment();
        assertProblem(getIfNoneMatch(id, "1"), 400);
        assertProblem(getIfNoneMatch(id, "\"1\" \"2\""), 400);
    }
}
