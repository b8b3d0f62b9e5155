package org.assessmentsapi.adapter.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The one writer of CloudWatch embedded metric format (EMF) documents: a JSON object on one line whose
 * {@code _aws} member tells CloudWatch Logs which of its other members are metrics and dimensions, so the metrics
 * cost no API call (no PutMetricData) and arrive with the log line that explains them.
 *
 * <p>The lines go to stdout on Lambda ({@code System.out::println}), not through {@code LambdaLogger}: the runtime
 * client never filters stdout by level, and a metric must not disappear because the function's log level was
 * raised (docs/operations.md). Written with jackson-core's generator, which the functions load anyway.
 *
 * <p>Invariants of every document written (the EMF specification): {@code _aws.Timestamp} in epoch milliseconds;
 * each directive names the namespace, one dimension set and its metrics with their units; every dimension and
 * metric a directive names is a member of the document; a metric has at most {@value #MAX_VALUES} values. A
 * directive whose metrics have no values is left out, and a document without any value is not written.
 */
public final class EmfWriter {

    /** The environment variable the stack sets on every function: the namespace of all its metrics. */
    public static final String NAMESPACE_VARIABLE = "METRICS_NAMESPACE";
    /** EMF allows at most 100 values per metric in one document. */
    public static final int MAX_VALUES = 100;

    /** CloudWatch's namespace alphabet; {@code AWS/} is reserved for AWS services. */
    private static final Pattern NAMESPACE = Pattern.compile("(?!AWS/)[0-9A-Za-z._/#: -]{1,255}");
    /** A dimension value: 1 to 1024 printable ASCII characters, not only spaces, not starting with ':'. */
    private static final Pattern DIMENSION_VALUE =
            Pattern.compile("(?=.*[^ ])[\\x20-\\x39\\x3b-\\x7e][\\x20-\\x7e]{0,1023}");

    private static final JsonFactory JSON = new JsonFactory();

    private final String namespace;
    private final Clock clock;
    private final Consumer<String> lines;
    /**
     * The {@code CloudWatchMetrics} array of each distinct list of directives written so far, as JSON: it depends on
     * the namespace and the directives alone, and a function writes the same few lists on every invocation, so it is
     * written once per list rather than once per document (a bounded set: subsets of the declared metrics).
     */
    private final Map<List<MetricSet>, String> directivesJson = new ConcurrentHashMap<>();

    /** The production writer: documents go to stdout through {@link Log} (and wherever tests redirect the log). */
    public EmfWriter(String namespace) {
        this(namespace, Clock.systemUTC(), Log::metrics);
    }

    /**
     * @param namespace the CloudWatch namespace of every metric written (from {@value #NAMESPACE_VARIABLE})
     * @param lines     where each document goes, as one line without its line break
     */
    public EmfWriter(String namespace, Clock clock, Consumer<String> lines) {
        if (!isNamespace(namespace)) {
            throw new IllegalArgumentException(NAMESPACE_VARIABLE + " '" + namespace + "' is not a CloudWatch namespace"
                    + " (1-255 of 0-9 A-Z a-z . - _ / # : and space, not starting with AWS/)");
        }
        this.namespace = namespace;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lines = Objects.requireNonNull(lines, "lines");
    }

    /** Whether {@code namespace} is one CloudWatch accepts for custom metrics. */
    public static boolean isNamespace(String namespace) {
        return namespace != null && NAMESPACE.matcher(namespace).matches();
    }

    /** A valid dimension value (see {@link #write}); for callers that check a value before they use it. */
    static boolean isDimensionValue(String value) {
        return value != null && DIMENSION_VALUE.matcher(value).matches();
    }

    /**
     * Writes one document with the directives of {@code sets} that have values.
     *
     * @param dimensions the value of every dimension of those directives
     * @param values     per metric, its values (a summed metric has exactly one)
     * @throws IllegalArgumentException when a dimension of a written directive has no valid value, a metric has
     *                                  no or more than {@value #MAX_VALUES} values, or a value is not finite
     */
    public void write(List<MetricSet> sets, Map<MetricDimension, String> dimensions, Map<Metric, List<Double>> values) {
        List<MetricSet> written = new ArrayList<>();
        Set<MetricDimension> usedDimensions = EnumSet.noneOf(MetricDimension.class);
        Set<Metric> usedMetrics = EnumSet.noneOf(Metric.class);
        for (MetricSet set : sets) {
            List<Metric> present =
                    set.metrics().stream().filter(values::containsKey).toList();
            if (!present.isEmpty()) {
                written.add(new MetricSet(set.dimensions(), present));
                usedDimensions.addAll(set.dimensions());
                usedMetrics.addAll(present);
            }
        }
        if (written.isEmpty()) {
            return;
        }
        for (MetricDimension dimension : usedDimensions) {
            if (!isDimensionValue(dimensions.get(dimension))) {
                throw new IllegalArgumentException("dimension " + dimension.emfName() + " has no valid value: '"
                        + dimensions.get(dimension) + "'");
            }
        }
        for (Metric metric : usedMetrics) {
            List<Double> observations = values.get(metric);
            if (observations.isEmpty()
                    || observations.size() > MAX_VALUES
                    || (metric.summed() && observations.size() != 1)
                    || !observations.stream().allMatch(Double::isFinite)) {
                throw new IllegalArgumentException(
                        "metric " + metric.emfName() + " has invalid values " + observations);
            }
        }
        lines.accept(document(written, usedDimensions, dimensions, usedMetrics, values));
    }

    private String document(
            List<MetricSet> directives,
            Set<MetricDimension> usedDimensions,
            Map<MetricDimension, String> dimensions,
            Set<Metric> usedMetrics,
            Map<Metric, List<Double>> values) {
        StringWriter line = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", clock.millis());
            json.writeFieldName("CloudWatchMetrics");
            json.writeRawValue(directivesJson.computeIfAbsent(directives, this::directives));
            json.writeEndObject();
            for (MetricDimension dimension : usedDimensions) {
                json.writeStringField(dimension.emfName(), dimensions.get(dimension));
            }
            for (Metric metric : usedMetrics) {
                writeValues(json, metric, values.get(metric));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return line.toString();
    }

    /** The {@code CloudWatchMetrics} array of {@code directives}: namespace, dimension set and metrics of each. */
    private String directives(List<MetricSet> directives) {
        StringWriter array = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(array)) {
            json.writeStartArray();
            for (MetricSet directive : directives) {
                json.writeStartObject();
                json.writeStringField("Namespace", namespace);
                json.writeArrayFieldStart("Dimensions");
                json.writeStartArray();
                for (MetricDimension dimension : directive.dimensions()) {
                    json.writeString(dimension.emfName());
                }
                json.writeEndArray();
                json.writeEndArray();
                json.writeArrayFieldStart("Metrics");
                for (Metric metric : directive.metrics()) {
                    json.writeStartObject();
                    json.writeStringField("Name", metric.emfName());
                    json.writeStringField("Unit", metric.unit().emfName());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return array.toString();
    }

    /** A count as a whole number when it is one; several observations as an array (EMF's value list). */
    private static void writeValues(JsonGenerator json, Metric metric, List<Double> observations) throws IOException {
        json.writeFieldName(metric.emfName());
        if (observations.size() == 1) {
            writeNumber(json, observations.get(0));
            return;
        }
        json.writeStartArray();
        for (double value : observations) {
            writeNumber(json, value);
        }
        json.writeEndArray();
    }

    private static void writeNumber(JsonGenerator json, double value) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            json.writeNumber((long) value);
        } else {
            json.writeNumber(value);
        }
    }
}
