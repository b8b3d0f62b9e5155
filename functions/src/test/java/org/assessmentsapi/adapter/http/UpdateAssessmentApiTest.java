package org.assessmentsapi.adapter.http;

import static org.assessmentsapi.support.Responses.assertProblem;
import static org.assessmentsapi.support.Responses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.Timestamps;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.AssessmentFields;
import org.assessmentsapi.support.InMemoryApi;
import org.junit.jupiter.api.Test;

/** PUT /api/assessments/{id} through the handler, against dynalite. */
class UpdateAssessmentApiTest extends ApiTestSupport {

    private static final List<String> RESPONSE_FIELDS = AssessmentFields.IN_ORDER;

    UpdateAssessmentApiTest() {
        super(InMemoryApi.get());
    }

    @Test
    void simpleUpdateChangesTheGivenFieldsAndBumpsTheVersion() throws Exception {
        String id = createAssessment();
        Assessment before = stored(id);
        Thread.sleep(5); // so that updatedAt must move

        APIGatewayV2HTTPResponse response =
                put(id, "{\"name\":\"Q1 supplier review (final)\",\"status\":\"ANALYZING\",\"progress\":40}");

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        assertEquals("\"2\"", response.getHeaders().get("ETag"));
        JsonNode body = json(response);
        assertEquals(
                RESPONSE_FIELDS, iterableToList(body.fieldNames()), "the whole assessment, in the documented order");
        assertEquals(id, body.get("id").asText());
        assertEquals("Q1 supplier review (final)", body.get("name").asText());
        assertEquals("ANALYZING", body.get("status").asText());
        assertEquals(40, body.get("progress").asInt());
        assertEquals(2, body.get("version").asLong());
        assertTrue(body.get("overallRiskScore").isNull());
        assertTrue(body.get("overallRiskLevel").isNull());
        assertEquals(user, body.get("userId").asText());
        assertEquals("Acme Farming Cooperative", body.get("companyName").asText());
        assertTrue(body.get("updatedAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertTrue(Instant.parse(body.get("updatedAt").asText()).isAfter(before.updatedAt()));
        assertEquals(
                Timestamps.format(before.createdAt()), body.get("createdAt").asText());
    }

    @Test
    void updateWithVersionThreeReturnsVersionFour() {
        String id = createAssessment();
        assertEquals(200, put(id, "{\"progress\":10}").getStatusCode());
        assertEquals(200, put(id, "{\"progress\":20}").getStatusCode()); // now at version 3

        APIGatewayV2HTTPResponse response = put(id, "{\"companyType\":\"Cooperative\",\"progress\":75,\"version\":3}");

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(4, json(response).get("version").asLong());
        assertEquals(75, json(response).get("progress").asInt());
        assertEquals("\"4\"", response.getHeaders().get("ETag"));
        assertEquals(4, stored(id).version());
    }

    @Test
    void onlyTheProvidedFieldsChangeInTheStoredItem() throws InterruptedException {
        String id = createAssessment();
        Assessment before = stored(id);
        Thread.sleep(5); // so that updatedAt must move

        assertEquals(200, put(id, "{\"companyType\":\"\"}").getStatusCode());

        Assessment after = stored(id);
        assertEquals(
                new Assessment(
                        before.id(),
                        before.name(),
                        before.companyName(),
                        "",
                        before.country(),
                        before.status(),
                        before.intakeMode(),
                        before.progress(),
                        2,
                        before.overallRiskScore(),
                        before.overallRiskLevel(),
                        before.userId(),
                        before.createdAt(),
                        after.updatedAt()),
                after);
        assertNotEquals(before.updatedAt(), after.updatedAt());
    }

    @Test
    void staleVersionIsAConflictCarryingTheCurrentVersionAndWritesNothing() {
        String id = createAssessment();
        assertEquals(200, put(id, "{\"progress\":10}").getStatusCode());
        Assessment before = stored(id);

        JsonNode problem = assertProblem(put(id, "{\"progress\":99,\"version\":1}"), 409);

        assertEquals(2, problem.get("currentVersion").asLong());
        assertEquals(before, stored(id));
    }

    @Test
    void missingAssessmentIsNotFound() {
        assertProblem(put(UUID.randomUUID().toString(), "{\"progress\":10}"), 404);
        assertProblem(put(UUID.randomUUID().toString(), "{\"progress\":10,\"version\":1}"), 404);
    }

    @Test
    void anotherUsersAssessmentIsNotFoundAndUnchanged() {
        String id = createAssessment();
        Assessment before = stored(id);
        String intruder = api.issuer().token("auth0|intruder-" + UUID.randomUUID());

        assertProblem(send(ApiEvents.put(id, intruder, "{\"name\":\"pwned\"}")), 404);
        assertProblem(send(ApiEvents.put(id, intruder, "{\"name\":\"pwned\",\"version\":1}")), 404);
        assertProblem(send(ApiEvents.get(id, intruder)), 404);

        assertEquals(before, stored(id));
    }

    @Test
    void everyValidationProblemIsListedAndNothingIsWritten() {
        String id = createAssessment();
        Assessment before = stored(id);

        JsonNode problem = assertProblem(
                put(
                        id,
                        "{\"name\":\"\",\"status\":\"DONE\",\"progress\":101,"
                                + "\"version\":0,\"userId\":\"someone-else\",\"colour\":\"red\",\"companyName\":null}"),
                400);

        Map<String, String> errors = new HashMap<>();
        problem.get("errors")
                .forEach(e ->
                        errors.put(e.get("field").asText(), e.get("message").asText()));
        assertEquals(
                Set.of("name", "status", "progress", "version", "userId", "colour", "companyName"), errors.keySet());
        assertEquals("must be 1 to 200 characters long", errors.get("name"));
        assertEquals("must be one of DRAFT, ANALYZING, ACTION_REQUIRED, COMPLETE", errors.get("status"));
        assertEquals("must be a number from 0 to 100", errors.get("progress"));
        assertEquals("must be an integer from 1 to 9223372036854775807", errors.get("version"));
        assertEquals("cannot be set by this request", errors.get("userId"));
        assertEquals("is not a known field", errors.get("colour"));
        assertEquals("must not be null", errors.get("companyName"));
        assertEquals(before, stored(id));
    }

    @Test
    void readOnlyFieldsAreRefusedNeverIgnored() {
        String id = createAssessment();
        for (String field : List.of(
                "id", "country", "intakeMode", "overallRiskScore", "overallRiskLevel", "createdAt", "updatedAt")) {
            JsonNode problem = assertProblem(put(id, "{\"progress\":5,\"" + field + "\":\"x\"}"), 400);
            assertEquals(field, problem.get("errors").get(0).get("field").asText());
        }
        assertEquals(1, stored(id).version());
    }

    @Test
    void aBodyWithOnlyTheVersionHasNothingToUpdate() {
        String id = createAssessment();
        JsonNode problem = assertProblem(put(id, "{\"version\":1}"), 400);
        assertTrue(problem.get("errors").get(0).get("message").asText().startsWith("provide at least one of"));
        assertProblem(put(id, "{}"), 400);
    }

    @Test
    void malformedJsonDuplicateKeysAndNonObjectsAreBadRequests() {
        String id = createAssessment();
        assertProblem(put(id, "{\"name\":"), 400);
        assertProblem(put(id, "{\"name\":\"a\",\"name\":\"b\"}"), 400);
        assertProblem(put(id, "[{\"name\":\"a\"}]"), 400);
        assertProblem(put(id, "{\"name\":\"a\"} {}"), 400);
        assertProblem(put(id, "{\"progress\":NaN}"), 400);
        assertProblem(put(id, ""), 400);
        assertEquals(1, stored(id).version());
    }

    @Test
    void invalidIdIsBadRequest() {
        assertProblem(put("not-a-uuid", "{\"progress\":1}"), 400);
        assertProblem(put("3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f7a8b9", "{\"progress\":1}"), 400);
    }

    @Test
    void uppercaseIdAddressesTheSameAssessment() {
        String id = createAssessment();
        assertEquals(200, put(id.toUpperCase(), "{\"progress\":7}").getStatusCode());
        assertEquals(new BigDecimal("7"), stored(id).progress());
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaType() {
        String id = createAssessment();
        var event = ApiEvents.withHeader(ApiEvents.put(id, token, "{\"progress\":1}"), "content-type", "text/plain");
        assertProblem(send(event), 415);
        var missing = ApiEvents.withHeader(ApiEvents.put(id, token, "{\"progress\":1}"), "content-type", null);
        assertProblem(send(missing), 415);
        var latin1 = ApiEvents.withHeader(
                ApiEvents.put(id, token, "{\"progress\":1}"), "content-type", "application/json; charset=iso-8859-1");
        assertProblem(send(latin1), 415);
        var utf8 = ApiEvents.withHeader(
                ApiEvents.put(id, token, "{\"progress\":1}"), "content-type", "application/json; charset=UTF-8");
        assertEquals(200, send(utf8).getStatusCode());
    }

    @Test
    void bodyOverSixteenKibibytesIsTooLarge() {
        String id = createAssessment();
        String big = "{\"name\":\"" + "a".repeat(16 * 1024) + "\"}";
        assertProblem(put(id, big), 413);
        assertEquals(1, stored(id).version());
    }

    @Test
    void lengthsCountCodePointsNotUtf16Units() {
        String id = createAssessment();
        String twoHundredEmoji = "\uD83D\uDE00".repeat(200);
        assertEquals(200, put(id, "{\"name\":\"" + twoHundredEmoji + "\"}").getStatusCode());
        assertProblem(put(id, "{\"name\":\"" + twoHundredEmoji + "a\"}"), 400);
    }

    @Test
    void sixteenConcurrentUpdatesWithTheSameVersionLetExactlyOneWin() throws Exception {
        String id = createAssessment();
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            Callable<Integer> call = () -> {
                start.await();
                return put(id, "{\"progress\":" + n + ",\"version\":1}").getStatusCode();
            };
            results.add(pool.submit(call));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();

        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(threads - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(2, stored(id).version());
    }

    @Test
    void withoutVersionEveryUpdateSucceedsAndEachBumpsTheVersion() {
        String id = createAssessment();
        for (int i = 1; i <= 5; i++) {
            assertEquals(200, put(id, "{\"progress\":" + i + "}").getStatusCode());
        }
        assertEquals(6, stored(id).version());
        assertNull(stored(id).overallRiskScore());
    }

    private static List<String> iterableToList(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
