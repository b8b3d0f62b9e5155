package org.assessmentsapi.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import org.assessmentsapi.bootstrap.ApiFunction;
import org.assessmentsapi.bootstrap.ApiPriming;
import org.assessmentsapi.bootstrap.JwtConfig;
import org.assessmentsapi.bootstrap.SigningKey;
import org.assessmentsapi.bootstrap.Wiring;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.LambdaInvocations;
import org.assessmentsapi.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The SnapStart hook runs the request path without touching data, and its key never opens the real API. */
class ApiPrimingTest extends ApiTestSupport {

    @Test
    void primingRunsPutAndGetOnTheReservedIdAndLeavesTheTableByteForByteUnchanged() throws Exception {
        String id = createAssessment();
        assertEquals(200, put(id, "{\"progress\":10}").getStatusCode());
        List<String> before = env.scan(TestEnvironment.TABLE);

        ApiPriming priming = priming();
        priming.beforeCheckpoint(null);
        priming.afterRestore(null);

        // The whole path ran: a verified token (else 401), the conditional UpdateItem failed (404), the GET found
        // nothing, the conditional DeleteItem failed (404), the list answered, the forged cursor was refused (400).
        assertEquals("PUT 404, GET 404, DELETE 404, LIST 200, LIST 400", priming.lastOutcome());
        assertEquals(before, env.scan(TestEnvironment.TABLE), "priming must not change any stored item");
        assertTrue(env.dynamoDb
                .getItem(b -> b.tableName(TestEnvironment.TABLE)
                        .key(Map.of("id", AttributeValue.fromS(ApiPriming.PRIMING_ID)))
                        .consistentRead(true))
                .item()
                .isEmpty());
    }

    @Test
    void primingFailsSafelyEvenIfAnItemWithTheReservedIdExisted() {
        // Even an item with the priming id, owned by the priming subject, is not changed: the version condition fails.
        Map<String, AttributeValue> item = Map.of(
                "id", AttributeValue.fromS(ApiPriming.PRIMING_ID),
                "userId", AttributeValue.fromS(ApiPriming.PRIMING_SUBJECT),
                "name", AttributeValue.fromS("kept"),
                "version", AttributeValue.fromN("1"));
        env.dynamoDb.putItem(b -> b.tableName(TestEnvironment.TABLE).item(item));
        try {
            ApiPriming priming = priming();
            assertEquals("PUT 409, GET 200, DELETE 412, LIST 200, LIST 400", priming.prime());
            assertEquals(
                    item,
                    env.dynamoDb
                            .getItem(b -> b.tableName(TestEnvironment.TABLE)
                                    .key(Map.of("id", AttributeValue.fromS(ApiPriming.PRIMING_ID)))
                                    .consistentRead(true))
                            .item());
        } finally {
            env.dynamoDb.deleteItem(b ->
                    b.tableName(TestEnvironment.TABLE).key(Map.of("id", AttributeValue.fromS(ApiPriming.PRIMING_ID))));
        }
    }

    @Test
    void aTokenSignedWithAPrimingKeyIsRejectedByTheRealHandlerAfterPriming() throws Exception {
        ApiHandler real = env.apiHandler();
        priming().prime();
        String id = createAssessment();

        SigningKey primingKey = SigningKey.rsa();
        JwtConfig jwt = env.config.jwt().orElseThrow();
        String primingToken = primingKey.token(jwt, ApiPriming.PRIMING_SUBJECT);

        // The priming's wiring accepts it (so the test token is well formed and correctly signed) ...
        ApiHandler primingHandler =
                Wiring.api(env.config, env.repository, primingKey.publishedAlone(), java.time.Clock.systemUTC());
        assertNotEquals(
                401,
                LambdaInvocations.invoke(primingHandler, ApiEvents.get(id, primingToken), null)
                        .getStatusCode());
        // ... the real handler never does.
        APIGatewayV2HTTPResponse rejected =
                LambdaInvocations.invoke(real, ApiEvents.put(id, primingToken, "{\"progress\":99}"), null);
        assertEquals(401, rejected.getStatusCode());
        assertEquals(
                401,
                LambdaInvocations.invoke(real, ApiEvents.get(id, primingToken), null)
                        .getStatusCode());
        assertFalse(rawItem(id).get("progress") != null
                && rawItem(id).get("progress").n().equals("99"));
    }

    /** The priming as the function's start-up makes it, on the shared table. */
    private ApiPriming priming() {
        return ApiFunction.priming(env.config, Map.of(), env.repository);
    }
}
