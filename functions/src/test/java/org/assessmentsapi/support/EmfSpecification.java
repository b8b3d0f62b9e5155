package org.assessmentsapi.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks a log line against the CloudWatch embedded metric format specification, independently of the code that
 * wrote it (it parses the text with jackson-databind's tree model): the {@code _aws} metadata, each directive's
 * {@code Namespace}, {@code Dimensions} and {@code Metrics[Name, Unit]}, and that every dimension and metric a
 * directive names is a member of the document with a value of the right type. {@link #violations} lists every
 * problem, so a failing test names them all.
 */
public final class EmfSpecification {

    /** The units the specification allows (CloudWatch's StandardUnit). */
    public static final Set<String> UNITS = Set.of(
            "Seconds",
            "Microseconds",
            "Milliseconds",
            "Bytes",
            "Kilobytes",
            "Megabytes",
            "Gigabytes",
            "Terabytes",
            "Bits",
            "Kilobits",
            "Megabits",
            "Gigabits",
            "Terabits",
            "Percent",
            "Count",
            "Bytes/Second",
            "Kilobytes/Second",
            "Megabytes/Second",
            "Gigabytes/Second",
            "Terabytes/Second",
            "Bits/Second",
            "Kilobits/Second",
            "Megabits/Second",
            "Gigabits/Second",
            "Terabits/Second",
            "Count/Second",
            "None");

    public static final int MAX_DIMENSIONS_PER_SET = 30;
    public static final int MAX_METRICS_PER_DIRECTIVE = 100;
    public static final int MAX_VALUES_PER_METRIC = 100;
    /** CloudWatch accepts data points up to two weeks old and two hours ahead. */
    private static final Duration MAX_AGE = Duration.ofDays(14);

    private static final Duration MAX_AHEAD = Duration.ofHours(2);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EmfSpecification() {}

    /** Whether the line is meant as an EMF document: a JSON object with an {@code _aws} member. */
    public static boolean isEmf(String line) {
        JsonNode root = parse(line);
        return root != null && root.isObject() && root.has("_aws");
    }

    /** Every way the line breaks the specification; empty when it is a valid EMF document. */
    public static List<String> violations(String line, Instant now) {
        List<String> problems = new ArrayList<>();
        JsonNode root = parse(line);
        if (root == null || !root.isObject()) {
            problems.add("not a JSON object: " + line);
            return problems;
        }
        if (line.indexOf('\n') >= 0) {
            problems.add("a document must be one line");
        }
        JsonNode aws = root.get("_aws");
        if (aws == null || !aws.isObject()) {
            problems.add("no _aws object");
            return problems;
        }
        JsonNode timestamp = aws.get("Timestamp");
        if (timestamp == null || !timestamp.isIntegralNumber()) {
            problems.add("_aws.Timestamp must be an integer (epoch milliseconds): " + timestamp);
        } else {
            Instant at = Instant.ofEpochMilli(timestamp.asLong());
            if (at.isBefore(now.minus(MAX_AGE)) || at.isAfter(now.plus(MAX_AHEAD))) {
                problems.add("_aws.Timestamp " + at + " is not within two weeks before / two hours after " + now);
            }
        }
        JsonNode directives = aws.get("CloudWatchMetrics");
        if (directives == null || !directives.isArray() || directives.isEmpty()) {
            problems.add("_aws.CloudWatchMetrics must be a non-empty array");
            return problems;
        }
        for (int i = 0; i < directives.size(); i++) {
            directive(root, directives.get(i), "CloudWatchMetrics[" + i + "]", problems);
        }
        return problems;
    }

    private static void directive(JsonNode root, JsonNode directive, String where, List<String> problems) {
        if (!directive.isObject()) {
            problems.add(where + " is not an object");
            return;
        }
        JsonNode namespace = directive.get("Namespace");
        if (namespace == null
                || !namespace.isTextual()
                || !namespace.asText().matches("[0-9A-Za-z._/#: -]{1,255}")
                || namespace.asText().startsWith("AWS/")) {
            problems.add(where + ".Namespace is not a custom CloudWatch namespace: " + namespace);
        }
        JsonNode dimensions = directive.get("Dimensions");
        if (dimensions == null || !dimensions.isArray()) {
            problems.add(where + ".Dimensions must be an array of dimension sets");
        } else {
            for (JsonNode set : dimensions) {
                dimensionSet(root, set, where, problems);
            }
        }
        JsonNode metrics = directive.get("Metrics");
        if (metrics == null || !metrics.isArray() || metrics.isEmpty() || metrics.size() > MAX_METRICS_PER_DIRECTIVE) {
            problems.add(where + ".Metrics must be an array of 1 to " + MAX_METRICS_PER_DIRECTIVE + " metrics");
            return;
        }
        Set<String> names = new HashSet<>();
        for (JsonNode metric : metrics) {
            metric(root, metric, where, problems);
            if (metric.path("Name").isTextual()
                    && !names.add(metric.path("Name").asText())) {
                problems.add(where + " names metric " + metric.path("Name").asText() + " twice");
            }
        }
    }

    private static void dimensionSet(JsonNode root, JsonNode set, String where, List<String> problems) {
        if (!set.isArray() || set.isEmpty() || set.size() > MAX_DIMENSIONS_PER_SET) {
            problems.add(
                    where + ": a dimension set must be an array of 1 to " + MAX_DIMENSIONS_PER_SET + " keys: " + set);
            return;
        }
        Set<String> keys = new HashSet<>();
        for (JsonNode key : set) {
            if (!key.isTextual() || !keys.add(key.asText())) {
                problems.add(where + ": dimension key " + key + " is not a string, or repeated");
                continue;
            }
            JsonNode value = root.get(key.asText());
            if (value == null
                    || !value.isTextual()
                    || value.asText().isBlank()
                    || value.asText().length() > 1024) {
                problems.add(where + ": dimension " + key + " must be a member with a 1-1024 character string value,"
                        + " found " + value);
            }
        }
    }

    private static void metric(JsonNode root, JsonNode metric, String where, List<String> problems) {
        JsonNode name = metric.get("Name");
        if (name == null
                || !name.isTextual()
                || name.asText().isEmpty()
                || name.asText().length() > 255) {
            problems.add(where + ": metric without a 1-255 character Name: " + metric);
            return;
        }
        JsonNode unit = metric.get("Unit");
        if (unit == null || !unit.isTextual() || !UNITS.contains(unit.asText())) {
            problems.add(where + ": metric " + name.asText() + " has no standard Unit: " + unit);
        }
        for (Iterator<String> fields = metric.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!Set.of("Name", "Unit", "StorageResolution").contains(field)) {
                problems.add(where + ": metric " + name.asText() + " has unknown member " + field);
            }
        }
        JsonNode value = root.get(name.asText());
        if (value == null) {
            problems.add(where + ": metric " + name.asText() + " is not a member of the document");
        } else if (value.isArray()) {
            if (value.isEmpty() || value.size() > MAX_VALUES_PER_METRIC) {
                problems.add(where + ": metric " + name.asText() + " has " + value.size() + " values (1 to "
                        + MAX_VALUES_PER_METRIC + ")");
            }
            for (JsonNode element : value) {
                if (!element.isNumber()) {
                    problems.add(where + ": metric " + name.asText() + " has a value that is not a number: " + element);
                }
            }
        } else if (!value.isNumber()) {
            problems.add(where + ": metric " + name.asText() + " is not a number or an array of numbers: " + value);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    /** The parsed document, for assertions on its values. */
    public static JsonNode tree(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
