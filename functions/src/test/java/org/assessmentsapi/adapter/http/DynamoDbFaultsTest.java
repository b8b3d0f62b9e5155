package org.assessmentsapi.adapter.http;

import static org.assessmentsapi.support.Responses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.assessmentsapi.bootstrap.AppConfig;
import org.assessmentsapi.bootstrap.DynamoDbClients;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.FakeDynamoDb;
import org.assessmentsapi.support.SilentServer;
import org.assessmentsapi.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The store failing in every way the SDK can see, with the production client (retry policy and
 * timeouts of {@link DynamoDbClients}): transient failures get 503 + Retry-After after exactly
 * {@link DynamoDbClients#MAX_ATTEMPTS} attempts, the unexpected a generic 500 after one, and every answer
 * comes within the call timeout, well inside the function's 10 s.
 */
class DynamoDbFaultsTest extends ApiTestSupport {

    /** The SDK's call timeout plus a generous margin for a loaded machine; still below the function timeout. */
    private static final Duration ANSWER_BOUND = DynamoDbClients.CALL_TIMEOUT.plusSeconds(3);

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "400, ProvisionedThroughputExceededException",
        "400, ThrottlingException",
        "400, RequestLimitExceeded",
        "500, InternalServerError",
        "503, ServiceUnavailable"
    })
    void transientErrorsAreRetriedThreeTimesThenServiceUnavailable(int status, String errorType) {
        try (FakeDynamoDb store = FakeDynamoDb.failingWith(status, errorType)) {
            APIGatewayV2HTTPResponse response = timed(errorType, () -> putThrough(store.endpoint()));
            assertProblem(response, 503);
            assertEquals("1", response.getHeaders().get("Retry-After"));
            assertEquals(DynamoDbClients.MAX_ATTEMPTS, store.requests(), "attempts the store saw");
        }
    }

    @Test
    void anUnexpectedStoreErrorIsNotRetriedAndIsAGenericInternalError() {
        try (FakeDynamoDb store = FakeDynamoDb.failingWith(400, "ValidationException")) {
            APIGatewayV2HTTPResponse response = timed("ValidationException", () -> putThrough(store.endpoint()));
            assertProblem(response, 500);
            assertTrue(
                    !response.getBody().contains("injected")
                            && !response.getBody().contains("Validation"),
                    response.getBody());
            assertEquals(1, store.requests(), "a client error is not retried");
        }
    }

    @Test
    void aStoreThatNeverAnswersGivesServiceUnavailableWithinTheCallTimeout() {
        try (SilentServer store = new SilentServer()) {
            APIGatewayV2HTTPResponse response = timed("silent store", () -> putThrough(store.endpoint()));
            assertProblem(response, 503);
            assertTrue(
                    store.connections() >= 1 && store.connections() <= DynamoDbClients.MAX_ATTEMPTS,
                    "attempts: " + store.connections());
        }
    }

    @Test
    void anUnreachableStoreGivesServiceUnavailableQuickly() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        APIGatewayV2HTTPResponse response =
                timed("connection refused", () -> putThrough(URI.create("http://127.0.0.1:" + closedPort)));
        assertProblem(response, 503);
        assertEquals("1", response.getHeaders().get("Retry-After"));
    }

    /** One PUT through a handler whose store is at {@code endpoint}, built as the Lambda builds it. */
    private APIGatewayV2HTTPResponse putThrough(URI endpoint) {
        AppConfig config = env.configFor(endpoint.toString(), TestEnvironment.TABLE);
        try (var client = DynamoDbClients.create(config, Map.of())) {
            return env.handlerWith(config, client)
                    .handleRequest(
                            ApiEvents.put(UUID.randomUUID().toString(), token, "{\"progress\":1,\"version\":1}"), null);
        }
    }

    /** Runs a request, prints how long it took (for docs/reliability.md) and checks the bound. */
    private static APIGatewayV2HTTPResponse timed(String fault, Supplier<APIGatewayV2HTTPResponse> request) {
        long start = System.nanoTime();
        APIGatewayV2HTTPResponse response = request.get();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        System.out.println(
                "store fault " + fault + ": " + response.getStatusCode() + " in " + elapsed.toMillis() + " ms");
        assertTrue(elapsed.compareTo(ANSWER_BOUND) < 0, fault + " answered in " + elapsed.toMillis() + " ms");
        return response;
    }
}
