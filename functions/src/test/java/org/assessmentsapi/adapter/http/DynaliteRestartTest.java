package org.assessmentsapi.adapter.http;

import static org.assessmentsapi.support.Responses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.Map;
import org.assessmentsapi.bootstrap.AppConfig;
import org.assessmentsapi.bootstrap.DynamoDbClients;
import org.assessmentsapi.contract.ContractCheckedHandler;
import org.assessmentsapi.devkit.AssessmentsTable;
import org.assessmentsapi.devkit.Dynalite;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.Responses;
import org.assessmentsapi.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The store process dies and comes back on the same port while one function instance (one handler, one
 * SDK client with its connection pool) keeps serving: during the outage every request gets a 503 within
 * the call timeout; after it, requests succeed again without restarting the function.
 *
 * <p>"No partial write": an update is one conditional UpdateItem, applied whole or not at all, and a
 * request answered 503 must leave no trace, not even later (no SDK retry may land after the restart).
 * dynalite keeps its data in memory, so the restart loses it; the test puts back the last acknowledged
 * item (standing in for DynamoDB's durability) and then checks that it is exactly that item: no field of
 * the refused requests, no version bump.
 */
class DynaliteRestartTest extends ApiTestSupport {

    private static final int UPDATES_EACH_PHASE = 20;
    private static final int OUTAGE_REQUESTS = 10;
    private static final Duration ANSWER_BOUND = DynamoDbClients.CALL_TIMEOUT.plusSeconds(3);

    @Test
    void requestsDuringTheOutageFailCleanlyAndTheSameInstanceRecovers() {
        Dynalite store = Dynalite.start();
        int port = store.port();
        DynamoDbClient admin = AssessmentsTable.localClient(store.endpoint());
        AssessmentsTable.createIfMissing(admin, TestEnvironment.TABLE);
        AppConfig config = env.configFor(store.endpoint().toString(), TestEnvironment.TABLE);
        try (DynamoDbClient client = DynamoDbClients.create(config, Map.of())) {
            ContractCheckedHandler handler = env.handlerWith(config, client);
            APIGatewayV2HTTPResponse created = handler.handleRequest(ApiEvents.post(token, CREATE_BODY), null);
            assertEquals(201, created.getStatusCode(), created.getBody());
            String id = Responses.json(created).get("id").asText();
            long version = updateTimes(handler, id, 1, UPDATES_EACH_PHASE);
            Map<String, AttributeValue> acknowledged = item(admin, id);

            store.close();
            long slowest = 0;
            for (int i = 0; i < OUTAGE_REQUESTS; i++) {
                long start = System.nanoTime();
                APIGatewayV2HTTPResponse refused = handler.handleRequest(
                        ApiEvents.put(
                                id, token, "{\"name\":\"written during the outage\",\"version\":" + version + "}"),
                        null);
                slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
                assertProblem(refused, 503);
                assertEquals("1", refused.getHeaders().get("Retry-After"));
            }
            assertTrue(slowest < ANSWER_BOUND.toMillis(), "slowest answer during the outage: " + slowest + " ms");

            store = Dynalite.start(port);
            admin.close();
            admin = AssessmentsTable.localClient(store.endpoint());
            AssessmentsTable.createIfMissing(admin, TestEnvironment.TABLE);
            DynamoDbClient restore = admin;
            restore.putItem(b -> b.tableName(TestEnvironment.TABLE).item(acknowledged));

            APIGatewayV2HTTPResponse read = handler.handleRequest(ApiEvents.get(id, token), null);
            assertEquals(200, read.getStatusCode(), read.getBody());
            assertEquals(acknowledged, item(admin, id), "nothing of the refused requests reached the store");
            long after = updateTimes(handler, id, version, UPDATES_EACH_PHASE);
            assertEquals(version + UPDATES_EACH_PHASE, after);
            System.out.printf(
                    "dynalite restart: %d updates before, %d refused with 503 during the outage (slowest %d ms),"
                            + " %d updates after, final version %d%n",
                    UPDATES_EACH_PHASE, OUTAGE_REQUESTS, slowest, UPDATES_EACH_PHASE, after);
        } finally {
            admin.close();
            store.close();
        }
    }

    /** {@code times} versioned updates, each expected to succeed; returns the version reached. */
    private long updateTimes(ContractCheckedHandler handler, String id, long version, int times) {
        for (int i = 0; i < times; i++) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(
                    ApiEvents.put(id, token, "{\"progress\":" + i + ",\"version\":" + version + "}"), null);
            assertEquals(200, response.getStatusCode(), response.getBody());
            version = Responses.json(response).get("version").asLong();
        }
        return version;
    }

    private static Map<String, AttributeValue> item(DynamoDbClient dynamoDb, String id) {
        return dynamoDb.getItem(b -> b.tableName(TestEnvironment.TABLE)
                        .key(Map.of("id", AttributeValue.fromS(id)))
                        .consistentRead(true))
                .item();
    }
}
