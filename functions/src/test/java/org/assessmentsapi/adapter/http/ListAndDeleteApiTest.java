package org.assessmentsapi.adapter.http;

import static org.assessmentsapi.support.Responses.assertProblem;
import static org.assessmentsapi.support.Responses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.AssessmentFields;
import org.junit.jupiter.api.Test;

/** GET /api/assessments and DELETE /api/assessments/{id} through the contract-checked handler on dynalite. */
class ListAndDeleteApiTest extends ApiTestSupport {

    private static final Set<String> FIELDS = new TreeSet<>(AssessmentFields.IN_ORDER);

    @Test
    void aNewUserHasAnEmptyCompleteList() {
        APIGatewayV2HTTPResponse response = send(ApiEvents.list(token, ""));
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("{\"items\":[],\"nextCursor\":null}", response.getBody());
        assertEquals("no-store", response.getHeaders().get("Cache-Control"));
    }

    @Test
    void pagesFollowTheCursorNewestFirstWithTheFourteenFieldsOnly() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, createAssessment());
        }
        put(created.get(4), "{\"progress\":10}"); // the oldest becomes the newest
        List<String> expected = new ArrayList<>(created);
        expected.add(0, expected.remove(4));

        List<String> listed = new ArrayList<>();
        String query = "limit=2";
        while (true) {
            JsonNode page = json(send(ApiEvents.list(token, query)));
            assertTrue(page.get("items").size() <= 2);
            page.get("items").forEach(item -> {
                Set<String> names = new TreeSet<>();
                item.fieldNames().forEachRemaining(names::add);
                assertEquals(FIELDS, names);
                listed.add(item.get("id").asText());
            });
            if (page.get("nextCursor").isNull()) {
                break;
            }
            query = "limit=2&cursor=" + page.get("nextCursor").asText();
        }
        assertEquals(expected, listed);
    }

    @Test
    void theStatusFilterTakesRepeatedValues() {
        String draft = createAssessment();
        String analyzing = createAssessment();
        put(analyzing, "{\"status\":\"ANALYZING\"}");
        String complete = createAssessment();
        put(complete, "{\"status\":\"COMPLETE\"}");
        assertEquals(List.of(draft), ids(json(send(ApiEvents.list(token, "status=DRAFT")))));
        assertEquals(List.of(complete, draft), ids(json(send(ApiEvents.list(token, "status=DRAFT&status=COMPLETE")))));
        assertEquals(
                List.of(complete, analyzing, draft),
                ids(json(send(ApiEvents.list(
                        token, "status=DRAFT&status=ANALYZING&status=ACTION_REQUIRED&status=COMPLETE")))));
    }

    @Test
    void everyQueryProblemIsListed() {
        JsonNode problem = assertProblem(
                send(ApiEvents.list(token, "limit=0&limit=5&sort=name&status=DONE&status=DRAFT&cursor=&cursor=x")),
                400);
        assertEquals(
                "urn:assessments-api:problem:validation-failed",
                problem.get("type").asText());
        List<String> errors = new ArrayList<>();
        problem.get("errors")
                .forEach(e -> errors.add(
                        e.get("field").asText() + ": " + e.get("message").asText()));
        assertEquals(
                List.of(
                        "sort: is not a known parameter (limit, status, cursor)",
                        "limit: must be given at most once",
                        "status: must be one of DRAFT, ANALYZING, ACTION_REQUIRED, COMPLETE",
                        "cursor: must be given at most once"),
                errors);
        for (String bad : List.of(
                "limit=0",
                "limit=101",
                "limit=-1",
                "limit=1.5",
                "limit=abc",
                "limit=",
                "limit=020",
                "limit=%31%30%30%30")) {
            JsonNode one = assertProblem(send(ApiEvents.list(token, bad)), 400);
            assertEquals("limit", one.get("errors").get(0).get("field").asText(), bad);
        }
        for (String bad :
                List.of("status=draft", "status=", "status=DRAFT,COMPLETE", "cursor=", "%zz=1", "limit=%E9", "a=1")) {
            assertProblem(send(ApiEvents.list(token, bad)), 400);
        }
        assertEquals(
                200, send(ApiEvents.list(token, "limit=100&status=DRAFT&&")).getStatusCode());
        assertEquals(
                200,
                send(ApiEvents.list(token, "st%61tus=DRAFT&limit=1%30")).getStatusCode(),
                "percent-escapes are decoded");
    }

    @Test
    void aCursorOfAnotherUserAnotherQueryOrAlteredIsInvalid() {
        createAssessment();
        createAssessment();
        String cursor =
                json(send(ApiEvents.list(token, "limit=1"))).get("nextCursor").asText();
        String otherToken = env.issuer.token("auth0|" + UUID.randomUUID());
        String altered = (cursor.charAt(0) == 'B' ? "C" : "B") + cursor.substring(1);
        for (var attempt : List.of(
                ApiEvents.list(otherToken, "limit=1&cursor=" + cursor),
                ApiEvents.list(token, "limit=2&cursor=" + cursor),
                ApiEvents.list(token, "limit=1&status=DRAFT&cursor=" + cursor),
                ApiEvents.list(token, "limit=1&cursor=" + altered),
                ApiEvents.list(token, "limit=1&cursor=not-a-cursor"))) {
            JsonNode problem = assertProblem(send(attempt), 400);
            assertEquals(
                    "urn:assessments-api:problem:invalid-cursor",
                    problem.get("type").asText());
        }
        assertEquals(
                1,
                json(send(ApiEvents.list(token, "limit=1&cursor=" + cursor)))
                        .get("items")
                        .size());
    }

    @Test
    void aDeletedAssessmentIsGoneEverywhere() {
        String id = createAssessment();
        APIGatewayV2HTTPResponse deleted = send(ApiEvents.delete(id, token));
        assertEquals(204, deleted.getStatusCode(), deleted.getBody());
        assertNull(deleted.getBody());
        assertProblem(send(ApiEvents.get(id, token)), 404);
        assertProblem(put(id, "{\"progress\":5}"), 404);
        assertProblem(send(ApiEvents.delete(id, token)), 404);
        assertEquals(0, json(send(ApiEvents.list(token, ""))).get("items").size());
        assertTrue(rawItem(id).isEmpty());
    }

    @Test
    void ifMatchGuardsTheDelete() {
        String id = createAssessment();
        put(id, "{\"progress\":5}");
        JsonNode stale =
                assertProblem(send(ApiEvents.withHeader(ApiEvents.delete(id, token), "if-match", "\"1\"")), 412);
        assertEquals(2, stale.get("currentVersion").asInt());
        JsonNode weak =
                assertProblem(send(ApiEvents.withHeader(ApiEvents.delete(id, token), "if-match", "W/\"2\"")), 412);
        assertFalse(weak.has("currentVersion"));
        assertProblem(send(ApiEvents.withHeader(ApiEvents.delete(id, token), "if-match", "\"1\", \"2\"")), 400);
        assertProblem(send(ApiEvents.withHeader(ApiEvents.delete(id, token), "if-none-match", "*")), 400);
        assertEquals(2, json(send(ApiEvents.get(id, token))).get("version").asInt(), "nothing was deleted");
        assertEquals(
                204,
                send(ApiEvents.withHeader(ApiEvents.delete(id, token), "if-match", "\"2\""))
                        .getStatusCode());
    }

    @Test
    void anotherUsersAssessmentOrABadIdIsNotDeleted() {
        String id = createAssessment();
        String otherToken = env.issuer.token("auth0|" + UUID.randomUUID());
        assertProblem(send(ApiEvents.delete(id, otherToken)), 404);
        assertProblem(send(ApiEvents.withHeader(ApiEvents.delete(id, otherToken), "if-match", "\"1\"")), 404);
        assertEquals(
                "urn:assessments-api:problem:invalid-id",
                assertProblem(send(ApiEvents.delete("not-a-uuid", token)), 400)
                        .get("type")
                        .asText());
        assertFalse(rawItem(id).isEmpty());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
