package org.assessmentsapi.adapter.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SDK's SLF4J logging reaches the JSON log at WARN and above, found the way slf4j-api finds providers. */
class JsonLogSlf4jProviderTest {

    private static final Logger SDK_LIKE = LoggerFactory.getLogger("software.amazon.awssdk.core.Example");

    @Test
    void theProviderOfTheClasspathIsThisOne() {
        assertInstanceOf(JsonLogSlf4jLogger.class, SDK_LIKE);
        assertInstanceOf(JsonLogSlf4jProvider.class, LoggerFactory.getILoggerFactory());
    }

    @Test
    void warnAndErrorBecomeJsonLinesWithTheLoggerNameAndTheFormattedMessage() {
        IllegalStateException cause = new IllegalStateException("clock skew");
        List<Log.Line> lines = Log.collecting(() -> {
                    SDK_LIKE.warn("retry {} of {} gave up", 3, 3);
                    SDK_LIKE.error("request failed", cause);
                    return null;
                })
                .lines();

        assertEquals(
                List.of("WARN", "ERROR"), lines.stream().map(Log.Line::level).toList());
        assertTrue(
                lines.get(0)
                        .json()
                        .contains("\"level\":\"WARN\","
                                + "\"message\":\"software.amazon.awssdk.core.Example: retry 3 of 3 gave up\""),
                lines.get(0).json());
        assertTrue(
                lines.get(1).json().contains("\"error\":\"java.lang.IllegalStateException: clock skew\\n"),
                lines.get(1).json());
    }

    @Test
    void belowWarnNothingIsEnabledOrWritten() {
        assertFalse(SDK_LIKE.isInfoEnabled() || SDK_LIKE.isDebugEnabled() || SDK_LIKE.isTraceEnabled());
        List<Log.Line> lines = Log.collecting(() -> {
                    SDK_LIKE.info("connection pool created");
                    SDK_LIKE.debug("sending {}", "UpdateItem");
                    SDK_LIKE.trace("bytes");
                    return null;
                })
                .lines();

        assertEquals(List.of(), lines);
    }
}
