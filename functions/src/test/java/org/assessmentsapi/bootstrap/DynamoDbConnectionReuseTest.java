package org.assessmentsapi.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.assessmentsapi.support.FakeDynamoDb;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * The production client keeps its connection: sequential calls, as one Lambda environment makes them, reuse one
 * TCP connection. Seen from a loopback stand-in server (dynalite cannot report its connections), which answers
 * every call with a non-retryable error, so that each call is exactly one request.
 */
class DynamoDbConnectionReuseTest {

    private static final int CALLS = 20;

    @Test
    void sequentialCallsShareOneConnection() {
        try (FakeDynamoDb store = FakeDynamoDb.failingWith(400, "ValidationException")) {
            AppConfig config = AppConfig.forEvents(Map.of("DYNAMODB_ENDPOINT", store.endpoint().toString(), "TABLE_NAME", "assessments"));
            try (DynamoDbClient client = DynamoDbClients.create(config, Map.of())) {
                for (int i = 0; i < CALLS; i++) {
                    assertThrows(DynamoDbException.class, () -> client.getItem(GetItemRequest.builder().tableName("assessments").build()));
                }
            }
            assertEquals(CALLS, store.requests(), "one request per call");
            assertEquals(1, store.connections(), "connections opened for " + CALLS + " calls");
        }
    }
}
