package org.assessmentsapi.adapter.http;

import static org.assessmentsapi.support.Responses.assertProblem;
import static org.assessmentsapi.support.Responses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assessmentsapi.support.ApiEvents;
import org.junit.jupiter.api.Test;

/** POST /api/assessments with {@code Idempotency-Key}, through the contract-checked handler on dynalite. */
class IdempotentCreateApiTest extends ApiTestSupport {

    private final String key = "\"" + UUID.randomUUID() + "\"";

    @Test
    void aRetryAnswersTheSame201AndCreatesNothing() {
        APIGatewayV2HTTPResponse first = post(key, CREATE_BODY);
        assertEquals(201, first.getStatusCode(), first.getBody());
        APIGatewayV2HTTPResponse again =
                post(key, CREATE_BODY.replace(",", ", ")); // the same fields, spelled otherwise
        assertEquals(201, again.getStatusCode(), again.getBody());
        assertEquals(first.getBody(), again.getBody());
        assertEquals(first.getHeaders(), again.getHeaders());
        assertEquals(List.of(json(first).get("id").asText()), listedIds());
    }

    @Test
    void theBareFormNamesTheSameKey() {
        APIGatewayV2HTTPResponse quoted = post(key, CREATE_BODY);
        APIGatewayV2HTTPResponse bare = post(key.substring(1, key.length() - 1), CREATE_BODY);
        assertEquals(json(quoted).get("id"), json(bare).get("id"));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndWritesNothing() {
        String id = json(post(key, CREATE_BODY)).get("id").asText();
        var problem = assertProblem(post(key, CREATE_BODY.replace("\"FR\"", "\"DE\"")), 422);
        assertEquals(
                "urn:assessments-api:problem:idempotency-key-reused",
                problem.get("type").asText());
        assertEquals("FR", json(send(ApiEvents.get(id, token))).get("country").asText());
        assertEquals(List.of(id), listedIds());
    }

    @Test
    void aKeyThatIsNoShortOpaqueStringIs400() {
        for (String bad : List.of(
                "",
                "\"\"",
                "\"",
                "x".repeat(129),
                "\"" + "x".repeat(129) + "\"",
                "two words",
                "a,b",
                "\"a\\\"b\"",
                "caf\u00e9",
                "tab\there",
                "\"unterminated")) {
            var problem = assertProblem(post(bad, CREATE_BODY), 400);
            assertEquals(
                    "urn:assessments-api:problem:invalid-idempotency-key",
                    problem.get("type").asText(),
                    bad);
        }
        assertEquals(List.of(), listedIds());
        assertEquals(201, post("x".repeat(128), CREATE_BODY).getStatusCode());
    }

    @Test
    void withoutTheHeaderEveryPostCreates() {
        createAssessment();
        createAssessment();
        assertEquals(2, listedIds().size());
    }

    @Test
    void sixteenConcurrentRetriesGetOneIdAndMakeOneAssessment() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(key, CREATE_BODY);
                }));
            }
            start.countDown();
            Set<String> bodies = new HashSet<>();
            for (Future<APIGatewayV2HTTPResponse> answer : answers) {
                APIGatewayV2HTTPResponse response = answer.get(60, TimeUnit.SECONDS);
                assertEquals(201, response.getStatusCode(), response.getBody());
                bodies.add(response.getBody());
            }
            assertEquals(1, bodies.size(), bodies.toString());
            assertEquals(List.of(json(answers.get(0).get()).get("id").asText()), listedIds());
        } finally {
            pool.shutdownNow();
        }
    }

    private APIGatewayV2HTTPResponse post(String idempotencyKey, String body) {
        return send(ApiEvents.withHeader(ApiEvents.post(token, body), "idempotency-key", idempotencyKey));
    }

    private List<String> listedIds() {
        List<String> ids = new ArrayList<>();
        json(send(ApiEvents.list(token, "limit=100")))
                .get("items")
                .forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
