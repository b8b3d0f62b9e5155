package org.assessmentsapi.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.assessmentsapi.devkit.lambda.LambdaFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SnapStart under the runtime interface client ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}): the runtime
 * runs the functions' org.crac {@code beforeCheckpoint} hooks (their priming), calls {@code restore/next} as a
 * snapshot would be restored, and only then asks for invocations, which are served correctly. Priming writes
 * nothing. (No snapshot is taken here: the JVM carries on, as after a restore.)
 */
class SnapStartIT {

    static LocalLambda lambda;
    static LocalLambda.Running api;

    @BeforeAll
    static void start() {
        lambda = new LocalLambda();
        api = LocalLambda.start(lambda.api(), "snapstart-setup-api");
    }

    @AfterAll
    static void stop() {
        api.close();
        lambda.close();
    }

    static LambdaFunction snapStart(LambdaFunction function) {
        return function.withEnvironment(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"));
    }

    @Test
    void theApiIsPrimedBeforeRestoreWritesNothingThenServesRealRequests() {
        String existing = lambda.create(api);
        int items = lambda.itemCount();
        try (LocalLambda.Running primed =
                LocalLambda.start(snapStart(lambda.api()), "snapstart-api").awaitReady()) {
            assertEquals(
                    List.of("restore/next", "next"), primed.api().calls(), "restore/next first, then the invocations");
            assertTrue(
                    primed.process()
                            .stdout()
                            .contains(
                                    "SnapStart priming of the API function done: PUT 404, GET 404, DELETE 404, LIST 200, LIST 400"),
                    primed.process().output());
            assertEquals(items, lambda.itemCount(), "priming writes nothing");
            assertEquals(1, lambda.version(existing));

            JsonNode put = primed.invoke(lambda.sample("put-assessment.json", existing));
            assertEquals(200, put.path("statusCode").asInt(), put::toString);
            assertEquals(2, lambda.version(existing));
            String created = lambda.create(primed);
            assertEquals(1, lambda.version(created));
            JsonNode get = primed.invoke(lambda.sample("get-assessment.json", created));
            assertEquals(200, get.path("statusCode").asInt(), get::toString);
        }
    }

    @Test
    void theEventsFunctionIsPrimedBeforeRestoreWritesNothingThenAppliesARealMessage() {
        String id = lambda.create(api);
        int items = lambda.itemCount();
        try (LocalLambda.Running primed = LocalLambda.start(snapStart(lambda.events()), "snapstart-events")
                .awaitReady()) {
            assertEquals(
                    List.of("restore/next", "next"), primed.api().calls(), "restore/next first, then the invocations");
            assertTrue(
                    primed.process()
                            .stdout()
                            .contains(
                                    "SnapStart priming of the events function done: message snapstart-priming ran through the handler and was not applied, as designed"),
                    primed.process().output());
            assertEquals(items, lambda.itemCount(), "priming writes nothing");

            JsonNode response = primed.invoke(lambda.sample("sqs-assessment-update.json", id));
            assertEquals(0, response.path("batchItemFailures").size(), response::toString);
            assertEquals(2, lambda.version(id));
        }
    }

    @Test
    void withoutSnapStartThereIsNoRestoreAndNoPriming() {
        try (LocalLambda.Running plain =
                LocalLambda.start(lambda.events(), "no-snapstart-events").awaitReady()) {
            assertEquals(List.of("next"), plain.api().calls());
            assertTrue(
                    !plain.process().stdout().contains("SnapStart priming"),
                    plain.process().output());
        }
    }
}
