package org.assessmentsapi.adapter.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assessmentsapi.support.EmfSpecification;
import org.assessmentsapi.support.TestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a log line and a metric document of an invocation contain, as the log's redirect receives them. */
class LogLinesTest {

    private final List<String> lines = new ArrayList<>();
    private final Telemetry telemetry = Telemetry.of("AssessmentsApi");
    private Consumer<String> previous;

    @BeforeEach
    void capture() {
        previous = Log.sendTo(lines::add);
    }

    @AfterEach
    void restore() {
        Log.sendTo(previous);
    }

    @Test
    void everyLineOfAnInvocationCarriesItsIdsTraceAndColdStart() {
        try (Invocation invocation = Invocation.begin(
                TestContext.of("lambda-1"), telemetry.coldStart(), InvocationMetrics.events(telemetry.metrics()))) {
            invocation.apiRequestId("apigw-1");
            Log.info(null, "first");
        }
        try (Invocation invocation = Invocation.begin(
                TestContext.of("lambda-2"), telemetry.coldStart(), InvocationMetrics.events(telemetry.metrics()))) {
            Log.warn(null, "second");
        }
        List<JsonNode> logged = logLines();
        assertEquals(2, logged.size(), lines.toString());
        JsonNode first = logged.get(0);
        assertEquals("INFO", first.get("level").asText());
        assertEquals("first", first.get("message").asText());
        assertTrue(Instant.parse(first.get("timestamp").asText())
                .isAfter(Instant.now().minusSeconds(60)));
        assertEquals("lambda-1", first.get("function_request_id").asText());
        assertEquals("apigw-1", first.get("api_request_id").asText());
        assertEquals(TestContext.TRACE_ROOT, first.get("xray_trace_id").asText());
        assertTrue(first.get("cold_start").asBoolean());
        assertTrue(first.has("function_name") && first.has("function_version"), first.toString());
        assertFalse(first.has("error"));

        JsonNode second = logged.get(1);
        assertEquals("WARN", second.get("level").asText());
        assertEquals("lambda-2", second.get("function_request_id").asText());
        assertFalse(second.has("api_request_id"), second.toString());
        assertFalse(second.get("cold_start").asBoolean());
    }

    @Test
    void eachInvocationWritesOneValidMetricDocumentWithItsColdStart() {
        try (Invocation invocation = Invocation.begin(
                TestContext.of("lambda-1"), telemetry.coldStart(), InvocationMetrics.events(telemetry.metrics()))) {
            invocation.metrics().add(Metric.APPLIED, 1);
        }
        try (Invocation invocation = Invocation.begin(
                TestContext.of("lambda-2"), telemetry.coldStart(), InvocationMetrics.events(telemetry.metrics()))) {
            invocation.metrics().add(Metric.APPLIED, 1);
        }
        List<String> documents = lines.stream().filter(EmfSpecification::isEmf).toList();
        assertEquals(2, documents.size(), lines.toString());
        for (String document : documents) {
            assertEquals(List.of(), EmfSpecification.violations(document, Instant.now()), document);
        }
        assertEquals(1, EmfSpecification.tree(documents.get(0)).get("ColdStart").asInt());
        assertEquals(0, EmfSpecification.tree(documents.get(1)).get("ColdStart").asInt());
    }

    @Test
    void withoutAContextTheTraceComesFromTheRuntimesSystemProperty() {
        String before = System.getProperty(Invocation.TRACE_HEADER_PROPERTY);
        System.setProperty(Invocation.TRACE_HEADER_PROPERTY, "Root=1-aaaaaaaa-bbbbbbbbbbbbbbbbbbbbbbbb;Sampled=0");
        try (Invocation invocation =
                Invocation.begin(null, telemetry.coldStart(), InvocationMetrics.events(telemetry.metrics()))) {
            Log.info(null, "no context");
        } finally {
            if (before == null) {
                System.clearProperty(Invocation.TRACE_HEADER_PROPERTY);
            } else {
                System.setProperty(Invocation.TRACE_HEADER_PROPERTY, before);
            }
        }
        JsonNode line = logLines().get(0);
        assertEquals(
                "1-aaaaaaaa-bbbbbbbbbbbbbbbbbbbbbbbb", line.get("xray_trace_id").asText());
        assertTrue(line.get("function_request_id").isNull());
        assertNull(Invocation.rootTraceId("Parent=53995c3f42cd8ad8;Sampled=1"));
        assertNull(Invocation.rootTraceId(null));
    }

    @Test
    void aBuiltInInvocationLeavesTheColdStartAndWritesNothing() {
        List<Log.Line> collected = Log.collecting(() -> {
                    try (Invocation invocation = Invocation.begin(
                            TestContext.of("priming"),
                            telemetry.coldStart(),
                            InvocationMetrics.events(telemetry.metrics()))) {
                        invocation.metrics().add(Metric.APPLIED, 1);
                        Log.info(null, "primed");
                        assertFalse(invocation.coldStart());
                    }
                    return null;
                })
                .lines();
        assertEquals(List.of(), lines);
        assertEquals(
                List.of("INFO", Log.METRICS),
                collected.stream().map(Log.Line::level).toList());
        try (Invocation invocation = Invocation.begin(
                TestContext.of("real"), telemetry.coldStart(), InvocationMetrics.events(telemetry.metrics()))) {
            assertTrue(invocation.coldStart(), "the first real invocation is still the cold one");
        }
    }

    @Test
    void summaryFieldsKeepTheirTypesAndOnlyErrorLinesCarryAStackTrace() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("route", "PUT /api/assessments/{id}");
        fields.put("status", 409);
        fields.put("duration_ms", 12.5);
        fields.put("retried", false);
        Log.summary(Log.Level.INFO, "request", fields);
        Log.error(null, "failed", new IllegalStateException("boom"));
        List<JsonNode> logged = logLines();
        JsonNode summary = logged.get(0);
        assertEquals(409, summary.get("status").intValue());
        assertEquals(12.5, summary.get("duration_ms").doubleValue());
        assertFalse(summary.get("retried").booleanValue());
        assertEquals("PUT /api/assessments/{id}", summary.get("route").textValue());
        assertFalse(summary.has("error"));
        assertTrue(logged.get(1).get("error").asText().startsWith("java.lang.IllegalStateException: boom"));
    }

    @Test
    void theMinimumLevelIsLambdasLogLevel() {
        assertEquals(Log.Level.INFO, Log.Level.minimum(null));
        assertEquals(Log.Level.INFO, Log.Level.minimum("nonsense"));
        assertEquals(Log.Level.DEBUG, Log.Level.minimum("TRACE"));
        assertEquals(Log.Level.DEBUG, Log.Level.minimum("debug"));
        assertEquals(Log.Level.WARN, Log.Level.minimum("WARN"));
        assertEquals(Log.Level.ERROR, Log.Level.minimum("FATAL"));
        // These tests run without AWS_LAMBDA_LOG_LEVEL: INFO, so DEBUG lines are not even built.
        assertFalse(Log.isEnabled(Log.Level.DEBUG));
        Log.summary(Log.Level.DEBUG, "hidden", Map.of());
        assertEquals(List.of(), lines);
    }

    private List<JsonNode> logLines() {
        ObjectMapper mapper = new ObjectMapper();
        return lines.stream()
                .filter(line -> !EmfSpecification.isEmf(line))
                .map(line -> {
                    try {
                        return mapper.readTree(line);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }
}
