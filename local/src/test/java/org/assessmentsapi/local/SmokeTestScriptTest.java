package org.assessmentsapi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * scripts/smoke-test.sh, the smoke test docs/deploy.md runs against a deployed stack, run here against the local
 * runner: it passes against the real API and fails (exit 1) against a wrong token or a wrong URL.
 */
class SmokeTestScriptTest {

    private static final Path SCRIPT = Path.of(System.getProperty("scripts.dir"), "smoke-test.sh");

    private static LocalApi api;

    @BeforeAll
    static void start() {
        api = LocalApi.start(LocalOptions.ephemeral(Map.of()));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Processes.Result run(String url, String token) throws IOException, InterruptedException {
        return Processes.run(List.of("bash", SCRIPT.toString(), url, token), Map.of());
    }

    @Test
    void passesAgainstTheLocalRunnerWithEveryStepChecked() throws Exception {
        Processes.Result run = run(api.baseUri().toString(), api.mintToken("smoke-tester"));

        assertEquals(0, run.exit(), run.output());
        for (String step : List.of(
                "POST /api/assessments -> 201",
                "with version 1 -> 200",
                "with the stale version 1 -> 409",
                "If-None-Match \"2\" -> 304",
                "GET /api/assessments/not-a-uuid -> 400",
                "smoke test passed")) {
            assertTrue(run.output().contains(step), step + " in\n" + run.output());
        }
    }

    @Test
    void failsWithAnInvalidToken() throws Exception {
        Processes.Result run = run(api.baseUri().toString(), "not-a-token");

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("FAIL POST /api/assessments: expected HTTP 201"), run.output());
        assertTrue(run.output().contains("status: 401"), run.output());
    }

    @Test
    void failsAgainstAUrlWhereNothingListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Processes.Result run = run("http://127.0.0.1:" + closedPort + "/", api.mintToken("smoke-tester"));

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("status: 000"), run.output());
    }

    @Test
    void refusesToRunWithoutBothArguments() throws Exception {
        Processes.Result run = run(api.baseUri().toString(), "");

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("usage:"), run.output());
    }
}
