package org.assessmentsapi.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.assessmentsapi.adapter.http.ApiHandler;
import org.assessmentsapi.support.LambdaInvocations;
import org.junit.jupiter.api.Test;

/**
 * Configuration errors stop the function at init, in what {@code new ApiHandler()} runs
 * ({@link ApiFunction#fromEnvironment} of the process environment), with a message that names the variable,
 * never on the first request with a 500.
 */
class ApplicationStartupTest {

    private static final Map<String, String> LAMBDA = Map.of(
            "AWS_LAMBDA_FUNCTION_NAME",
            "assessments-api",
            "AWS_REGION",
            "eu-west-1",
            "AWS_ACCESS_KEY_ID",
            "unused",
            "AWS_SECRET_ACCESS_KEY",
            "unused",
            "JWT_ISSUER",
            "https://tenant.example/",
            "JWT_AUDIENCE",
            "api");

    @Test
    void missingTableNameOnLambdaFailsAtInit() {
        var error = assertThrows(ConfigurationException.class, () -> ApiFunction.fromEnvironment(LAMBDA));
        assertTrue(error.getMessage().contains("TABLE_NAME is required on Lambda"), error.getMessage());
    }

    @Test
    void badIssuerFailsAtInit() {
        Map<String, String> env = new java.util.HashMap<>(LAMBDA);
        env.put("TABLE_NAME", "assessments-prod");
        env.put("JWT_ISSUER", "tenant.example");
        var error = assertThrows(ConfigurationException.class, () -> ApiFunction.fromEnvironment(env));
        assertTrue(error.getMessage().contains("JWT_ISSUER must be an http(s) URL"), error.getMessage());
    }

    @Test
    void locallyTheDefaultTableNameAppliesAndTheHandlerAnswers() {
        // The issuer and the store are unreachable: the start-up warm-up gives up, the handler is still built.
        ApiHandler handler = ApiFunction.fromEnvironment(Map.of(
                "DYNAMODB_ENDPOINT", "http://127.0.0.1:1", "JWT_ISSUER", "http://127.0.0.1:1/", "JWT_AUDIENCE", "api"));
        assertEquals(
                401,
                LambdaInvocations.invoke(
                                handler,
                                org.assessmentsapi.support.ApiEvents.get(
                                        "3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f7a8b9c", "not-a-token"),
                                null)
                        .getStatusCode());
        assertEquals(
                "assessments",
                AppConfig.fromEnvironment(Map.of("JWT_ISSUER", "http://127.0.0.1:1/", "JWT_AUDIENCE", "api"))
                        .tableName());
    }
}
