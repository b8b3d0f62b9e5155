package org.assessmentsapi.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The functions' log lines under the runtime interface client with Lambda's JSON log format
 * (docs/operations.md): written through {@code LambdaLogger.log(byte[], level)}, so the runtime filters them by
 * {@code AWS_LAMBDA_LOG_LEVEL} and writes them unchanged (not wrapped into the runtime's own
 * {@code {"message": "<escaped text>", "AWSRequestId"}} record). The line used is the INFO line of the events
 * function's SnapStart priming.
 */
class LogLevelIT {

    private static final String PRIMED = "SnapStart priming of the events function done";
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void atInfoTheLineIsWrittenAsTheFunctionBuiltIt() throws IOException {
        String stdout = primedEventsStdout("INFO");
        List<String> primed =
                stdout.lines().filter(line -> line.contains(PRIMED)).toList();
        assertEquals(1, primed.size(), stdout);
        JsonNode line = JSON.readTree(primed.get(0));
        assertEquals("INFO", line.get("level").asText());
        assertTrue(line.get("message").asText().startsWith(PRIMED), line.toString());
        assertTrue(line.has("timestamp") && line.has("function_name"), line.toString());
        assertFalse(line.has("AWSRequestId"), "wrapped by the runtime: " + line);
    }

    @Test
    void atWarnTheRuntimeDropsTheInfoLine() {
        String stdout = primedEventsStdout("WARN");
        assertFalse(stdout.contains(PRIMED), stdout);
    }

    private static String primedEventsStdout(String level) {
        try (LocalLambda.Running primed = LocalLambda.start(
                        lambda.events()
                                .withEnvironment(Map.of(
                                        "AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start", "AWS_LAMBDA_LOG_LEVEL", level)),
                        "log-level-" + level.toLowerCase())
                .awaitReady()) {
            return primed.process().stdout();
        }
    }
}
