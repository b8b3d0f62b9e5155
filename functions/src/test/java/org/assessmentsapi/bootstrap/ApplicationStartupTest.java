package org.assessmentsapi.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Configuration errors stop the function at init (what {@code new ApiHandler()} runs), with a message
 * that names the variable, never on the first request with a 500.
 */
class ApplicationStartupTest {

    private static final Map<String, String> LAMBDA = Map.of(
            "AWS_LAMBDA_FUNCTION_NAME", "assessments-api",
            "AWS_REGION", "eu-west-1",
            "AWS_ACCESS_KEY_ID", "unused", "AWS_SECRET_ACCESS_KEY", "unused",
            "JWT_ISSUER", "https://tenant.example/", "JWT_AUDIENCE", "api");

    @Test
    void missingTableNameOnLambdaFailsAtInit() {
        var error = assertThrows(ConfigurationException.class, () -> Application.fromEnvironment(LAMBDA));
        assertTrue(error.getMessage().contains("TABLE_NAME is required on Lambda"), error.getMessage());
    }

    @Test
    void badIssuerFailsAtInit() {
        Map<String, String> env = new java.util.HashMap<>(LAMBDA);
        env.put("TABLE_NAME", "assessments-prod");
        env.put("JWT_ISSUER", "tenant.example");
        var error = assertThrows(ConfigurationException.class, () -> Application.fromEnvironment(env));
        assertTrue(error.getMessage().contains("JWT_ISSUER must be an http(s) URL"), error.getMessage());
    }

    @Test
    void locallyTheDefaultTableNameApplies() {
        Application app = Application.fromEnvironment(Map.of(
                "DYNAMODB_ENDPOINT", "http://127.0.0.1:1", "JWT_ISSUER", "https://tenant.example/", "JWT_AUDIENCE", "api"));
        try (var client = app.dynamoDb()) {
            assertEquals("assessments", app.config().tableName());
        }
    }
}
