package org.assessmentsapi.bootstrap;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.assessmentsapi.support.FakeDynamoDb;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * The production client keeps its connection: sequential calls, as one Lambda environment makes them, reuse one
 * TCP connection. Seen from a loopback stand-in server (dynalite cannot report its connections), which answers
 * every call with a non-retryable error, so that each call is one request (unless an attempt times out).
 */
class DynamoDbConnectionReuseTest {

    private static final int CALLS = 20;

    @Test
    void sequentialCallsShareOneConnection() {
        try (FakeDynamoDb store = FakeDynamoDb.failingWith(400, "ValidationException")) {
            AppConfig config = AppConfig.forEvents(
                    Map.of("DYNAMODB_ENDPOINT", store.endpoint().toString(), "TABLE_NAME", "assessments"));
            try (DynamoDbClient client = DynamoDbClients.create(config, Map.of())) {
                for (int i = 0; i < CALLS; i++) {
                    assertThrows(
                            DynamoDbException.class,
                            () -> client.getItem(GetItemRequest.builder()
                                    .tableName("assessments")
                                    .build()));
                }
            }
            // At least one request per call: on a loaded machine an attempt can outlive its timeout and be retried,
            // which must not cost a connection either.
            assertTrue(store.requests() >= CALLS, "requests for " + CALLS + " calls: " + store.requests());
            // The CRT hands a connection back to its pool on its own event-loop thread; a call right behind an
            // answer can find the pool empty and open one more (seen here: 1 or 2). Reuse means no connection per call.
            assertTrue(
                    store.connections() <= 2,
                    "connections opened for " + store.requests() + " requests: " + store.connections());
        }
    }
}
