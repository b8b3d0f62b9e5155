package org.assessmentsapi.adapter.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One valid JSON object per event, on one line, whatever the message holds. */
class LogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> lines = new ArrayList<>();
    private Consumer<String> before;

    @BeforeEach
    void capture() {
        before = Log.sendTo(lines::add);
    }

    @AfterEach
    void restore() {
        Log.sendTo(before);
    }

    @Test
    void eachEventIsOneJsonLineWithItsLevelRequestIdAndMessage() throws Exception {
        // Outside an invocation, the request id given is the line's function_request_id.
        Log.info("req-1", "applied \"event\" \\ to\nassessment\t\u0001 \u2028 é");
        Log.warn(null, "no request");
        assertEquals(2, lines.size());
        JsonNode info = JSON.readTree(lines.get(0));
        assertEquals("INFO", info.get("level").asText());
        assertEquals("req-1", info.get("function_request_id").asText());
        assertEquals(
                "applied \"event\" \\ to\nassessment\t\u0001 \u2028 é",
                info.get("message").asText());
        assertFalse(JSON.readTree(lines.get(1)).has("function_request_id"));
        lines.forEach(line -> assertTrue(line.indexOf('\n') < 0 && line.indexOf('\r') < 0, line));
    }

    @Test
    void anErrorCarriesItsStackTrace() throws Exception {
        Log.error("req-2", "unexpected failure", new IllegalStateException("broken"));
        JsonNode error = JSON.readTree(lines.get(0));
        assertEquals("ERROR", error.get("level").asText());
        assertTrue(error.get("error").asText().startsWith("java.lang.IllegalStateException: broken"), error.toString());
        assertTrue(
                error.get("error").asText().contains("at org.assessmentsapi.adapter.logging.LogTest"),
                error.toString());
    }
}
