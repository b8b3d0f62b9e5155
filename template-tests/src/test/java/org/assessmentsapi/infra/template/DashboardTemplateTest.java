package org.assessmentsapi.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operations dashboard, and that every metric of the functions' own namespace which the dashboard or an alarm
 * shows is one the functions publish, with the dimensions they publish it by: read from the functions jar itself
 * ({@code InvocationMetrics.API} and {@code EVENTS}), so a renamed metric fails here rather than leaving an empty
 * graph and an alarm that can never fire.
 */
class DashboardTemplateTest {

    private static final String NAMESPACE = "AssessmentsApi";
    private static final Pattern SEARCH = Pattern.compile(
            "SEARCH\\('\\{\"?([^\",]+)\"?,([^}]+)} Service=\"(\\w+)\" MetricName=\"(\\w+)\"', 'Sum', 300\\)");

    private static Synth.Result synth;
    private static JsonNode body;
    /** {@code service|metric|dimension,dimension}, for each metric the functions jar says it publishes. */
    private static Set<String> published;

    @BeforeAll
    static void synthesize() throws Exception {
        synth = Synth.production();
        Map<?, ?> properties =
                (Map<?, ?>) synth.only("AWS::CloudWatch::Dashboard").getValue().get("Properties");
        assertEquals("AssessmentsApi-operations", properties.get("DashboardName"));
        body = new ObjectMapper().readTree(render(properties.get("DashboardBody")));
        published = publishedByTheFunctions();
    }

    @Test
    void showsTrafficRefusalsLatencyColdStartsThrottlesEventsQueuesAndAlarms() {
        List<String> titles = new ArrayList<>();
        body.get("widgets")
                .forEach(widget -> titles.add(widget.at("/properties/title").asText()));
        assertEquals(
                List.of(
                        "API requests by route and status class",
                        "API Gateway 4xx and 5xx",
                        "Latency per route (ms, access log)",
                        "Version conflicts (409, 412)",
                        "Refused requests",
                        "Latency p50 / p99 (ms): API, DynamoDB calls",
                        "Cold starts",
                        "Lambda errors and throttles",
                        "Lambda duration p99 (ms)",
                        "Update events",
                        "Events queue: age of oldest message (s)",
                        "Dead-letter queue depth",
                        "Alarms (docs/operations.md says what each means and what to do)"),
                titles);
    }

    @Test
    void latencyPerRouteIsAPercentileQueryOverTheAccessLog() {
        JsonNode widget = widget("Latency per route (ms, access log)");
        String accessLogs = synth.logicalId(id -> id.startsWith("ApiAccessLogs"), "AWS::Logs::LogGroup");
        String query = widget.at("/properties/query").asText();
        assertTrue(query.startsWith("SOURCE '{Ref:" + accessLogs + "}' | "), query);
        assertTrue(query.contains("pct(responseLatency, 50) as p50, pct(responseLatency, 99) as p99"), query);
        assertTrue(query.endsWith("by routeKey"), query);
    }

    @Test
    void theAlarmWidgetShowsEveryAlarmOfTheStack() {
        Set<String> shown = new TreeSet<>();
        widget("Alarms (docs/operations.md says what each means and what to do)")
                .at("/properties/alarms")
                .forEach(alarm -> shown.add(alarm.asText()));
        Set<String> alarms = new TreeSet<>();
        synth.resources("AWS::CloudWatch::Alarm").keySet().forEach(id -> alarms.add("{GetAtt:" + id + ".Arn}"));
        assertEquals(alarms, shown);
    }

    @Test
    void everyOwnMetricOnTheDashboardIsOneTheFunctionsPublish() {
        Set<String> shown = new TreeSet<>();
        for (JsonNode widget : body.get("widgets")) {
            for (JsonNode row : widget.at("/properties/metrics")) {
                if (row.get(0).isTextual() && row.get(0).asText().equals(NAMESPACE)) {
                    shown.add(key(row));
                } else if (row.get(0).has("expression")) {
                    Matcher search = SEARCH.matcher(row.get(0).get("expression").asText());
                    if (search.find()) {
                        assertEquals(NAMESPACE, search.group(1));
                        shown.add(search.group(3) + "|" + search.group(4) + "|" + search.group(2));
                    }
                }
            }
        }
        assertFalse(shown.isEmpty());
        assertTrue(published.containsAll(shown), "not published by the functions: " + without(shown, published));
        // Each metric the functions publish is on the dashboard.
        Set<String> names = new TreeSet<>();
        published.forEach(key -> names.add(key.split("\\|")[0] + "|" + key.split("\\|")[1]));
        Set<String> shownNames = new TreeSet<>();
        shown.forEach(key -> shownNames.add(key.split("\\|")[0] + "|" + key.split("\\|")[1]));
        assertEquals(names, shownNames);
    }

    @Test
    void everyOwnMetricAnAlarmUsesIsOneTheFunctionsPublish() {
        Set<String> used = new TreeSet<>();
        for (var alarm : synth.resources("AWS::CloudWatch::Alarm").values()) {
            Map<?, ?> properties = (Map<?, ?>) alarm.get("Properties");
            List<Map<?, ?>> metrics = new ArrayList<>();
            if (properties.containsKey("MetricName")) {
                metrics.add(properties);
            }
            if (properties.get("Metrics") instanceof List<?> list) {
                list.stream()
                        .map(m -> (Map<?, ?>) ((Map<?, ?>) m).get("MetricStat"))
                        .filter(m -> m != null)
                        .forEach(m -> metrics.add((Map<?, ?>) m.get("Metric")));
            }
            for (Map<?, ?> metric : metrics) {
                if (NAMESPACE.equals(metric.get("Namespace"))) {
                    String service = "";
                    List<String> dimensions = new ArrayList<>();
                    for (Object dimension : (List<?>) metric.get("Dimensions")) {
                        dimensions.add((String) ((Map<?, ?>) dimension).get("Name"));
                        if ("Service".equals(((Map<?, ?>) dimension).get("Name"))) {
                            service = (String) ((Map<?, ?>) dimension).get("Value");
                        }
                    }
                    used.add(service + "|" + metric.get("MetricName") + "|" + String.join(",", dimensions));
                }
            }
        }
        assertEquals(Set.of("api|VersionConflict|Service", "api|Requests|Service"), used);
        assertTrue(published.containsAll(used), "not published by the functions: " + without(used, published));
    }

    private static JsonNode widget(String title) {
        for (JsonNode widget : body.get("widgets")) {
            if (widget.at("/properties/title").asText().equals(title)) {
                return widget;
            }
        }
        throw new AssertionError("no widget " + title);
    }

    /** {@code service|metric|dimensions} of a dashboard row {@code [namespace, metric, name, value, ..., options]}. */
    private static String key(JsonNode row) {
        String service = "";
        List<String> dimensions = new ArrayList<>();
        for (int i = 2; i + 1 < row.size() && row.get(i).isTextual(); i += 2) {
            dimensions.add(row.get(i).asText());
            if (row.get(i).asText().equals("Service")) {
                service = row.get(i + 1).asText();
            }
        }
        return service + "|" + row.get(1).asText() + "|" + String.join(",", dimensions);
    }

    private static Set<String> without(Set<String> all, Set<String> known) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(known);
        return rest;
    }

    /** The metrics of {@code InvocationMetrics.API} and {@code EVENTS} in the functions jar. */
    private static Set<String> publishedByTheFunctions() throws Exception {
        Set<String> keys = new TreeSet<>();
        try (LambdaRuntimeClassLoader loader = new LambdaRuntimeClassLoader(Synth.FUNCTIONS_JAR)) {
            Class<?> metrics = loader.loadClass("org.assessmentsapi.adapter.logging.InvocationMetrics");
            for (String[] service : new String[][] {{"API", "API_SERVICE"}, {"EVENTS", "EVENTS_SERVICE"}}) {
                String name = (String) metrics.getField(service[1]).get(null);
                for (Object set : (List<?>) metrics.getField(service[0]).get(null)) {
                    List<String> dimensions = new ArrayList<>();
                    for (Object dimension :
                            (List<?>) set.getClass().getMethod("dimensions").invoke(set)) {
                        dimensions.add((String)
                                dimension.getClass().getMethod("emfName").invoke(dimension));
                    }
                    for (Object metric :
                            (List<?>) set.getClass().getMethod("metrics").invoke(set)) {
                        keys.add(name + "|"
                                + metric.getClass().getMethod("emfName").invoke(metric) + "|"
                                + String.join(",", dimensions));
                    }
                }
            }
        }
        return keys;
    }

    /** The dashboard body's Fn::Join as text, each reference written as {Ref:id} or {GetAtt:id.attribute}. */
    private static String render(Object body) {
        StringBuilder text = new StringBuilder();
        for (Object part : (List<?>) ((List<?>) ((Map<?, ?>) body).get("Fn::Join")).get(1)) {
            if (part instanceof String string) {
                text.append(string);
            } else if (((Map<?, ?>) part).get("Ref") instanceof String ref) {
                text.append("{Ref:").append(ref).append('}');
            } else {
                List<?> getAtt = (List<?>) ((Map<?, ?>) part).get("Fn::GetAtt");
                text.append("{GetAtt:")
                        .append(getAtt.get(0))
                        .append('.')
                        .append(getAtt.get(1))
                        .append('}');
            }
        }
        return text.toString();
    }
}
