package org.assessmentsapi.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The start-up rehearsal's fixed RS256 token opens its own verifier (every route's success path runs on the canned
 * DynamoDB) and nothing else: a handler of the function's issuer and audience refuses it even with the rehearsal's
 * key in its key source, which the real handler never has.
 */
class RehearsalTokenTest {

    private static final Map<String, String> ENV = Map.of(
            "DYNAMODB_ENDPOINT", "http://127.0.0.1:1", "JWT_ISSUER", "http://127.0.0.1:1/", "JWT_AUDIENCE", "api");
    private static final AppConfig CONFIG = AppConfig.fromEnvironment(ENV);

    @Test
    void theStartUpWarmUpRunsAPutWithItsToken() throws Exception {
        assertEquals("PUT 200 on the canned DynamoDB", ApiFunction.warmUpOnCannedStore(CONFIG, ENV));
    }

    @Test
    void theRehearsalRunsEveryRouteWithItsToken() throws Exception {
        assertEquals(
                "PUT 200, GET 404, POST 201, LIST 200, DELETE 204 on the canned DynamoDB",
                ApiFunction.rehearseOnCannedStore(CONFIG, ENV));
    }

    /** Its token has {@code typ: JWT} and no scope: the function's strict type and scopes do not apply to it. */
    @Test
    void theRehearsalPassesWhateverTheFunctionsTokenTypeAndScopes() throws Exception {
        Map<String, String> strict = new java.util.HashMap<>(ENV);
        strict.putAll(Map.of("JWT_STRICT_TYPE", "true", "READ_SCOPE", "read:x", "WRITE_SCOPE", "write:x"));
        AppConfig config = AppConfig.fromEnvironment(strict);
        assertEquals(
                "PUT 200, GET 404, POST 201, LIST 200, DELETE 204 on the canned DynamoDB",
                ApiFunction.rehearseOnCannedStore(config, strict));
        assertEquals("PUT 200 on the canned DynamoDB", ApiFunction.warmUpOnCannedStore(config, strict));
    }

    @Test
    void aHandlerOfTheFunctionsIssuerRefusesTheRehearsalToken() throws Exception {
        try (DynamoDbClient canned = DynamoDbClients.create(
                CONFIG, ENV, new CannedDynamoDb(PrimingResource.PRIMING_ID, RehearsalToken.SUBJECT))) {
            var handler = Wiring.api(CONFIG, canned, RehearsalToken.keys(), Clock.systemUTC());
            assertEquals(401, Rehearsal.api(handler, "GET", PrimingResource.PRIMING_ID, RehearsalToken.TOKEN, null));
        }
    }
}
