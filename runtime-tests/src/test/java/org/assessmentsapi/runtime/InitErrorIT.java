package org.assessmentsapi.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.assessmentsapi.devkit.lambda.Answer;
import org.assessmentsapi.devkit.lambda.LambdaFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A missing setting fails the initialization, never a request: the runtime reports it to {@code init/error} with
 * the configuration's message, asks for no invocation, and the process ends.
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
