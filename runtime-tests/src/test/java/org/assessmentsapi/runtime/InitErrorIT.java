package org.assessmentsapi.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.assessmentsapi.devkit.DevIssuer;
import org.assessmentsapi.devkit.lambda.Answer;
import org.assessmentsapi.devkit.lambda.LambdaFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A missing setting fails the initialization, never a request: the runtime reports it to {@code init/error} with
 * the configuration's message, asks for no invocation, and the process ends. A misconfigured identity provider
 * (found only by fetching from it) does not fail the init: the init logs it at ERROR and every request answers
 * 503 {@code auth-misconfigured} without Retry-After; a provider found through discovery serves tokens.
 */
class InitErrorIT {

    static LocalLambda lambda;

    @BeforeAll
    static void start() {
        lambda = new LocalLambda();
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    @Test
    void theApiWithoutJwtIssuerFailsItsInit() {
        Answer error = initError(lambda.api().withEnvironment(without("JWT_ISSUER")), "init-no-issuer");
        assertTrue(error.body().contains("JWT_ISSUER is required"), error.body());
    }

    @Test
    void theEventsFunctionWithoutTableNameFailsItsInit() {
        Answer error = initError(lambda.events().withEnvironment(without("TABLE_NAME")), "init-no-table");
        assertTrue(error.body().contains("TABLE_NAME is required on Lambda"), error.body());
    }

    @Test
    void theApiFindsTheKeysThroughDiscoveryAtInit() {
        try (LocalLambda.Running api = LocalLambda.start(
                        lambda.api().withEnvironment(without("JWKS_URL")), "init-discovery")
                .awaitReady()) {
            assertTrue(
                    api.process()
                            .stdout()
                            .contains("start-up: keys of issuer " + lambda.issuer.issuer() + " from "
                                    + lambda.issuer.jwksUrl()),
                    api.process().output());
            lambda.create(api);
        }
    }

    @Test
    void theApiWithAMisconfiguredProviderStartsLogsAnErrorAndAnswersAuthMisconfigured() {
        try (DevIssuer provider = DevIssuer.start()) {
            provider.answer(DevIssuer.DISCOVERY_PATH, 404, "");
            Map<String, String> change = without("JWKS_URL");
            change.put("JWT_ISSUER", provider.issuer());
            change.put("JWT_AUDIENCE", provider.audience());
            try (LocalLambda.Running api = LocalLambda.start(lambda.api().withEnvironment(change), "init-misconfigured")
                    .awaitReady()) {
                String error = api.process()
                        .stdout()
                        .lines()
                        .filter(line -> line.contains("start-up: token verification is misconfigured"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(api.process().output()));
                assertTrue(error.contains("ERROR") && error.contains("answers HTTP 404"), error);
                String event = lambda.sample("post-assessment.json", LocalLambda.SAMPLE_ID)
                        .replace(lambda.token, provider.token(LocalLambda.USER));
                for (int i = 0; i < 2; i++) {
                    JsonNode response = api.invoke(event);
                    assertEquals(503, response.path("statusCode").asInt(), response::toString);
                    assertEquals(
                            "urn:assessments-api:problem:auth-misconfigured",
                            LocalLambda.body(response).path("type").asText());
                    assertNull(LocalLambda.header(response, "Retry-After"), response::toString);
                }
                assertFalse(api.api().calls().contains("init/error"), "the init did not fail");
            }
        }
    }

    private static Answer initError(LambdaFunction function, String name) {
        try (LocalLambda.Running running = LocalLambda.start(function, name)) {
            Answer error = running.await(running.api().initError());
            assertTrue(error.error());
            assertTrue(error.body().contains("ConfigurationException"), error.body());
            assertTrue(error.body().contains("Invalid configuration: "), error.body());
            assertEquals(
                    1,
                    running.process().waitForExit(Duration.ofSeconds(30)),
                    running.process().output());
            assertEquals(java.util.List.of("init/error"), running.api().calls(), "no invocation is asked for");
            return error;
        }
    }

    private static Map<String, String> without(String name) {
        Map<String, String> change = new HashMap<>();
        change.put(name, null);
        return change;
    }
}
