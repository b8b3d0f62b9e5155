package org.assessmentsapi.adapter.http;

import static org.assessmentsapi.support.Responses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.assessmentsapi.bootstrap.AppConfig;
import org.assessmentsapi.bootstrap.DynamoDbClients;
import org.assessmentsapi.contract.ContractCheckedHandler;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.TestEnvironment;
import org.junit.jupiter.api.Test;

/** What clients see when the table cannot serve them: 503 for transient failures, a generic 500 otherwise. */
class StoreFailureApiTest extends ApiTestSupport {

    @Test
    void unreachableDynamoDbIsServiceUnavailableWithRetryAfter() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AppConfig config = env.configFor("http://127.0.0.1:" + closedPort, TestEnvironment.TABLE);
        ContractCheckedHandler handler = env.handlerWith(config, DynamoDbClients.create(config, java.util.Map.of()));

        APIGatewayV2HTTPResponse response =
                handler.handleRequest(ApiEvents.put(UUID.randomUUID().toString(), token, "{\"progress\":1}"), null);

        assertProblem(response, 503);
        assertEquals("1", response.getHeaders().get("Retry-After"));
    }

    @Test
    void unexpectedStoreErrorIsAGenericInternalErrorWithTheRequestId() {
        // A table that does not exist: DynamoDB answers ResourceNotFoundException, which is not transient.
        AppConfig config = env.configFor(env.dynalite.endpoint().toString(), "no-such-table");
        ContractCheckedHandler handler = env.handlerWith(config, env.dynamoDb);

        APIGatewayV2HTTPResponse response =
                handler.handleRequest(ApiEvents.put(UUID.randomUUID().toString(), token, "{\"progress\":1}"), null);

        var problem = assertProblem(response, 500);
        assertTrue(
                problem.get("detail").asText().contains("Ab1Cd2Ef3Gh4="), "the request id lets support find the log");
        assertTrue(
                !response.getBody().contains("no-such-table")
                        && !response.getBody().contains("ResourceNotFound"),
                "no internal detail: " + response.getBody());
    }
}
