package org.assessmentsapi.adapter.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.assessmentsapi.support.EmfSpecification;
import org.junit.jupiter.api.Test;

/** Every line written here is parsed back and checked against the EMF specification ({@link EmfSpecification}). */
class EmfWriterTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00.123Z");
    private static final String ROUTE = "PUT /api/assessments/{id}";

    private final List<String> lines = new ArrayList<>();
    private final EmfWriter writer = new EmfWriter("AssessmentsApi", Clock.fixed(NOW, ZoneOffset.UTC), lines::add);

    @Test
    void anApiRequestIsOneDocumentWithRequestsByRouteAndStatusClassAndEveryMetricByService() {
        InvocationMetrics metrics = InvocationMetrics.api(writer)
                .dimension(MetricDimension.ROUTE, ROUTE)
                .dimension(MetricDimension.STATUS_CLASS, MetricDimension.statusClass(409));
        metrics.add(Metric.REQUESTS, 1);
        metrics.add(Metric.VERSION_CONFLICT, 1);
        metrics.add(Metric.VALIDATION_FAILED, 0);
        metrics.add(Metric.UNAUTHORIZED, 0);
        metrics.add(Metric.FORBIDDEN, 0);
        metrics.add(Metric.STORE_UNAVAILABLE, 0);
        metrics.add(Metric.COLD_START, 1);
        metrics.add(Metric.DYNAMODB_LATENCY, 3.25);
        metrics.add(Metric.DYNAMODB_LATENCY, 7);
        metrics.flush();

        JsonNode document = onlyValidDocument();
        assertEquals(NOW.toEpochMilli(), document.at("/_aws/Timestamp").asLong());
        JsonNode directives = document.at("/_aws/CloudWatchMetrics");
        assertEquals(2, directives.size());
        assertEquals(
                "[[\"Service\",\"Route\",\"StatusClass\"]]",
                directives.get(0).get("Dimensions").toString());
        assertEquals(List.of("Requests"), names(directives.get(0)));
        assertEquals("[[\"Service\"]]", directives.get(1).get("Dimensions").toString());
        assertEquals(
                List.of(
                        "Requests",
                        "VersionConflict",
                        "ValidationFailed",
                        "Unauthorized",
                        "Forbidden",
                        "StoreUnavailable",
                        "DynamoDbLatency",
                        "ColdStart"),
                names(directives.get(1)));
        for (JsonNode directive : directives) {
            assertEquals("AssessmentsApi", directive.get("Namespace").asText());
        }
        assertEquals("Milliseconds", directives.get(1).at("/Metrics/6/Unit").asText());
        assertEquals("Count", directives.get(1).at("/Metrics/0/Unit").asText());

        assertEquals("api", document.get("Service").asText());
        assertEquals(ROUTE, document.get("Route").asText());
        assertEquals("4xx", document.get("StatusClass").asText());
        assertEquals(1, document.get("VersionConflict").asInt());
        assertEquals(0, document.get("Unauthorized").asInt());
        assertEquals("[3.25,7]", document.get("DynamoDbLatency").toString());
    }

    @Test
    void countsOfABatchAddUpAndOnlyMetricsWithValuesAreDeclared() {
        InvocationMetrics metrics = InvocationMetrics.events(writer);
        metrics.add(Metric.APPLIED, 1);
        metrics.add(Metric.APPLIED, 1);
        metrics.add(Metric.APPLIED, 1);
        metrics.add(Metric.REJECTED, 1);
        metrics.flush();

        JsonNode document = onlyValidDocument();
        assertEquals(List.of("Applied", "Rejected"), names(document.at("/_aws/CloudWatchMetrics/0")));
        assertEquals(3, document.get("Applied").asInt());
        assertEquals(1, document.get("Rejected").asInt());
        assertEquals("events", document.get("Service").asText());
        assertTrue(document.path("Retried").isMissingNode(), document.toString());
    }

    @Test
    void aDirectiveWithoutValuesIsLeftOutAndNothingIsWrittenWithoutAnyValue() {
        InvocationMetrics metrics = InvocationMetrics.api(writer);
        metrics.flush();
        assertEquals(List.of(), lines);

        // Only service-level metrics: the route directive (and its dimensions) is not written, so no route is needed.
        metrics.add(Metric.COLD_START, 0);
        metrics.flush();
        JsonNode document = onlyValidDocument();
        assertEquals(1, document.at("/_aws/CloudWatchMetrics").size());
        assertTrue(document.path("Route").isMissingNode(), document.toString());
    }

    @Test
    void moreThanAHundredObservationsAreSpreadOverDocumentsOfAtMostAHundredValues() {
        InvocationMetrics metrics = InvocationMetrics.events(writer);
        for (int i = 0; i < 250; i++) {
            metrics.add(Metric.DYNAMODB_LATENCY, i);
        }
        metrics.add(Metric.APPLIED, 250);
        metrics.flush();

        assertEquals(3, lines.size());
        int values = 0;
        for (String line : lines) {
            assertEquals(List.of(), EmfSpecification.violations(line, NOW), line);
            int size = EmfSpecification.tree(line).get("DynamoDbLatency").size();
            assertTrue(size <= EmfWriter.MAX_VALUES, line);
            values += size;
        }
        assertEquals(250, values);
        assertEquals(250, EmfSpecification.tree(lines.get(2)).get("Applied").asInt());
    }

    @Test
    void eachDocumentDeclaresItsOwnDirectivesWhenOneWriterWritesDifferentOnes() {
        InvocationMetrics serviceOnly = InvocationMetrics.api(writer);
        serviceOnly.add(Metric.COLD_START, 1);
        serviceOnly.flush();
        InvocationMetrics byRoute = InvocationMetrics.api(writer)
                .dimension(MetricDimension.ROUTE, ROUTE)
                .dimension(MetricDimension.STATUS_CLASS, "2xx");
        byRoute.add(Metric.REQUESTS, 1);
        byRoute.flush();
        InvocationMetrics serviceOnlyAgain = InvocationMetrics.api(writer);
        serviceOnlyAgain.add(Metric.COLD_START, 0);
        serviceOnlyAgain.flush();

        assertEquals(3, lines.size());
        for (String line : lines) {
            assertEquals(List.of(), EmfSpecification.violations(line, NOW), line);
        }
        JsonNode first = EmfSpecification.tree(lines.get(0));
        JsonNode second = EmfSpecification.tree(lines.get(1));
        JsonNode third = EmfSpecification.tree(lines.get(2));
        assertEquals(List.of("ColdStart"), names(first.at("/_aws/CloudWatchMetrics/0")));
        assertEquals(2, second.at("/_aws/CloudWatchMetrics").size());
        assertEquals(List.of("Requests"), names(second.at("/_aws/CloudWatchMetrics/0")));
        assertEquals(List.of("Requests"), names(second.at("/_aws/CloudWatchMetrics/1")));
        assertEquals(
                first.get("_aws").get("CloudWatchMetrics"), third.get("_aws").get("CloudWatchMetrics"));
        assertEquals(0, third.get("ColdStart").asInt());
    }

    @Test
    void dimensionValuesAreEscapedByJackson() {
        String odd = "GET /a\"b\\c";
        InvocationMetrics metrics = InvocationMetrics.api(writer)
                .dimension(MetricDimension.ROUTE, odd)
                .dimension(MetricDimension.STATUS_CLASS, "2xx");
        metrics.add(Metric.REQUESTS, 1);
        metrics.flush();
        assertEquals(odd, onlyValidDocument().get("Route").asText());
    }

    @Test
    void theNamespaceMustBeACustomCloudWatchNamespace() {
        for (String bad : new String[] {null, "", "AWS/Lambda", "Assessments\u00e9", "a".repeat(256), "tab\there"}) {
            assertThrows(IllegalArgumentException.class, () -> new EmfWriter(bad, Clock.systemUTC(), lines::add), bad);
        }
        new EmfWriter("Assessments-Api/prod_1#a:b c", Clock.systemUTC(), lines::add);
    }

    @Test
    void badDimensionsAndMetricsAreRefusedWhenRecorded() {
        InvocationMetrics api = InvocationMetrics.api(writer);
        for (String bad : new String[] {null, "", "   ", ":route", "caf\u00e9", "line\nbreak", "x".repeat(1025)}) {
            assertThrows(IllegalArgumentException.class, () -> api.dimension(MetricDimension.ROUTE, bad), bad);
        }
        InvocationMetrics events = InvocationMetrics.events(writer);
        assertThrows(IllegalArgumentException.class, () -> events.dimension(MetricDimension.ROUTE, "GET /x"));
        assertThrows(IllegalArgumentException.class, () -> events.add(Metric.REQUESTS, 1));
        assertThrows(IllegalArgumentException.class, () -> api.add(Metric.APPLIED, 1));
        assertThrows(IllegalArgumentException.class, () -> api.add(Metric.DYNAMODB_LATENCY, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> api.add(Metric.DYNAMODB_LATENCY, Double.POSITIVE_INFINITY));
    }

    @Test
    void aDocumentWhoseDimensionsAreNotAllSetIsNotWritten() {
        InvocationMetrics metrics = InvocationMetrics.api(writer).dimension(MetricDimension.ROUTE, ROUTE);
        metrics.add(Metric.REQUESTS, 1);
        assertThrows(IllegalArgumentException.class, metrics::flush);
        assertEquals(List.of(), lines);
        // The failed document is forgotten, not carried into the next one.
        metrics.dimension(MetricDimension.STATUS_CLASS, "2xx").add(Metric.COLD_START, 0);
        metrics.flush();
        assertTrue(onlyValidDocument().path("Requests").isMissingNode());
    }

    @Test
    void statusClasses() {
        assertEquals("2xx", MetricDimension.statusClass(200));
        assertEquals("3xx", MetricDimension.statusClass(304));
        assertEquals("4xx", MetricDimension.statusClass(412));
        assertEquals("5xx", MetricDimension.statusClass(503));
        assertThrows(IllegalArgumentException.class, () -> MetricDimension.statusClass(600));
        assertThrows(IllegalArgumentException.class, () -> MetricDimension.statusClass(99));
    }

    @Test
    void everyPublishedMetricSetIsWithinTheSpecificationsLimits() {
        for (List<MetricSet> sets : List.of(InvocationMetrics.API, InvocationMetrics.EVENTS)) {
            for (MetricSet set : sets) {
                assertTrue(set.dimensions().size() <= EmfSpecification.MAX_DIMENSIONS_PER_SET, set.toString());
                assertTrue(set.metrics().size() <= EmfSpecification.MAX_METRICS_PER_DIRECTIVE, set.toString());
                set.metrics()
                        .forEach(m -> assertTrue(
                                EmfSpecification.UNITS.contains(m.unit().emfName()), m.name()));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new MetricSet(List.of(), List.of(Metric.REQUESTS)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new MetricSet(
                        List.of(MetricDimension.SERVICE, MetricDimension.SERVICE), List.of(Metric.REQUESTS)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new MetricSet(List.of(MetricDimension.SERVICE), List.of(Metric.REQUESTS, Metric.REQUESTS)));
    }

    private JsonNode onlyValidDocument() {
        assertEquals(1, lines.size(), lines.toString());
        String line = lines.get(0);
        assertEquals(List.of(), EmfSpecification.violations(line, NOW), line);
        return EmfSpecification.tree(line);
    }

    private static List<String> names(JsonNode directive) {
        return StreamSupport.stream(directive.get("Metrics").spliterator(), false)
                .map(metric -> metric.get("Name").asText())
                .toList();
    }
}
