package org.assessmentsapi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up errors are one clear line, found before anything (dynalite, issuer) is started. */
class StartFailureTest {

    @Test
    void aBusyPortIsReportedClearly() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalStartException e = assertThrows(
                    LocalStartException.class,
                    () -> LocalApi.start(new LocalOptions(busy.getLocalPort(), Map.of(), false)));
            assertTrue(
                    e.getMessage().contains("already in use") && e.getMessage().contains("PORT"), e.getMessage());
        }
    }

    @Test
    void badConfigurationIsReportedWithTheVariableName() {
        LocalStartException table = assertThrows(
                LocalStartException.class, () -> LocalApi.start(LocalOptions.ephemeral(Map.of("TABLE_NAME", "x"))));
        assertTrue(table.getMessage().contains("TABLE_NAME"), table.getMessage());

        LocalStartException audience = assertThrows(
                LocalStartException.class, () -> LocalApi.start(LocalOptions.ephemeral(Map.of("JWT_AUDIENCE", "api"))));
        assertTrue(audience.getMessage().contains("JWT_ISSUER"), audience.getMessage());

        LocalStartException endpoint = assertThrows(
                LocalStartException.class,
                () -> LocalApi.start(LocalOptions.ephemeral(Map.of("DYNAMODB_ENDPOINT", "not a url"))));
        assertTrue(endpoint.getMessage().contains("DYNAMODB_ENDPOINT"), endpoint.getMessage());

        assertThrows(LocalStartException.class, () -> LocalOptions.fromEnvironment(Map.of("PORT", "abc")));
        assertThrows(LocalStartException.class, () -> LocalOptions.fromEnvironment(Map.of("PORT", "70000")));
    }

    @Test
    void mainPrintsOneLineAndExitsWithOne() throws Exception {
        Processes.Result run = Processes.run(
                List.of(Processes.java(), "-cp", System.getProperty("java.class.path"), LocalApi.class.getName()),
                Map.of("PORT", "not-a-port"));
        assertEquals(1, run.exit(), run.output());
        assertEquals("assessments-local: PORT must be a number between 0 and 65535, got 'not-a-port'", run.output());
        assertFalse(run.output().contains("\tat "));
    }
}
