package org.assessmentsapi.adapter.logging;

import static org.assessmentsapi.adapter.logging.Metric.ALREADY_APPLIED;
import static org.assessmentsapi.adapter.logging.Metric.APPLIED;
import static org.assessmentsapi.adapter.logging.Metric.COLD_START;
import static org.assessmentsapi.adapter.logging.Metric.DYNAMODB_LATENCY;
import static org.assessmentsapi.adapter.logging.Metric.FORBIDDEN;
import static org.assessmentsapi.adapter.logging.Metric.REJECTED;
import static org.assessmentsapi.adapter.logging.Metric.REQUESTS;
import static org.assessmentsapi.adapter.logging.Metric.RETRIED;
import static org.assessmentsapi.adapter.logging.Metric.STORE_UNAVAILABLE;
import static org.assessmentsapi.adapter.logging.Metric.UNAUTHORIZED;
import static org.assessmentsapi.adapter.logging.Metric.VALIDATION_FAILED;
import static org.assessmentsapi.adapter.logging.Metric.VERSION_CONFLICT;
import static org.assessmentsapi.adapter.logging.MetricDimension.ROUTE;
import static org.assessmentsapi.adapter.logging.MetricDimension.SERVICE;
import static org.assessmentsapi.adapter.logging.MetricDimension.STATUS_CLASS;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics of one invocation (one API request, or one batch of messages), written by {@link EmfWriter} as one
 * EMF document when the invocation ends ({@link #flush}). Not thread-safe: an invocation runs on one thread.
 *
 * <p>The API publishes {@code Requests} by service, route and status class, and every API metric by service
 * alone (so a dashboard needs no sum over routes, and the conflict rate is VersionConflict / Requests). The
 * events function publishes its metrics by service alone. That keeps the number of distinct CloudWatch metrics
 * small and fixed (docs/operations.md).
 */
public final class InvocationMetrics {

    public static final String API_SERVICE = "api";
    public static final String EVENTS_SERVICE = "events";

    /** What the API function publishes, directive by directive. */
    public static final List<MetricSet> API = List.of(
            new MetricSet(List.of(SERVICE, ROUTE, STATUS_CLASS), List.of(REQUESTS)),
            new MetricSet(
                    List.of(SERVICE),
                    List.of(
                            REQUESTS,
                            VERSION_CONFLICT,
                            VALIDATION_FAILED,
                            UNAUTHORIZED,
                            FORBIDDEN,
                            STORE_UNAVAILABLE,
                            DYNAMODB_LATENCY,
                            COLD_START)));
    /** What the events function publishes. */
    public static final List<MetricSet> EVENTS = List.of(new MetricSet(
            List.of(SERVICE), List.of(APPLIED, ALREADY_APPLIED, REJECTED, RETRIED, DYNAMODB_LATENCY, COLD_START)));

    /** The metrics of the invocation running on this thread, for code that is not handed them (SDK hooks). */
    private static final ThreadLocal<InvocationMetrics> CURRENT = new ThreadLocal<>();

    private final EmfWriter writer;
    private final List<MetricSet> sets;
    private final Set<Metric> declared = EnumSet.noneOf(Metric.class);
    private final Set<MetricDimension> declaredDimensions = EnumSet.noneOf(MetricDimension.class);
    private final Map<MetricDimension, String> dimensions = new EnumMap<>(MetricDimension.class);
    private final Map<Metric, List<Double>> values = new EnumMap<>(Metric.class);

    private InvocationMetrics(EmfWriter writer, List<MetricSet> sets, String service) {
        this.writer = writer;
        this.sets = sets;
        for (MetricSet set : sets) {
            declared.addAll(set.metrics());
            declaredDimensions.addAll(set.dimensions());
        }
        dimension(SERVICE, service);
    }

    /** The metrics of one API request; its {@code ROUTE} and {@code STATUS_CLASS} are set once known. */
    public static InvocationMetrics api(EmfWriter writer) {
        return new InvocationMetrics(writer, API, API_SERVICE);
    }

    /** The metrics of one batch of update events. */
    public static InvocationMetrics events(EmfWriter writer) {
        return new InvocationMetrics(writer, EVENTS, EVENTS_SERVICE);
    }

    /**
     * Sets a dimension of this document. The value must come from a fixed set (a route template, a status class),
     * never from what a caller sent: see {@link MetricDimension}.
     */
    public InvocationMetrics dimension(MetricDimension dimension, String value) {
        if (!declaredDimensions.contains(dimension)) {
            throw new IllegalArgumentException(dimension + " is not a dimension of " + sets);
        }
        if (!EmfWriter.isDimensionValue(value)) {
            throw new IllegalArgumentException("'" + value + "' is not a CloudWatch dimension value");
        }
        dimensions.put(dimension, value);
        return this;
    }

    /** Adds to a count, or records one observation of a distribution (e.g. one DynamoDB call's milliseconds). */
    public void add(Metric metric, double value) {
        if (!declared.contains(metric)) {
            throw new IllegalArgumentException(metric + " is not published by " + sets);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(metric + " value " + value + " is not a finite number");
        }
        List<Double> observations = values.computeIfAbsent(metric, m -> new ArrayList<>());
        if (metric.summed() && !observations.isEmpty()) {
            observations.set(0, observations.get(0) + value);
            return;
        }
        observations.add(value);
        if (observations.size() == EmfWriter.MAX_VALUES) {
            flush(); // an EMF document holds at most 100 values of a metric: the rest go into the next one
        }
    }

    /** Ends {@link #bind}: the thread's invocation metrics are no longer these. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Makes these the metrics of the invocation on this thread ({@link #addToCurrent}) until the scope is closed,
     * e.g. {@code try (var scope = metrics.bind()) { ... }}.
     */
    public Scope bind() {
        InvocationMetrics previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** {@link #add} to the metrics bound to this thread, if any and if they publish {@code metric}; else nothing. */
    public static void addToCurrent(Metric metric, double value) {
        InvocationMetrics current = CURRENT.get();
        if (current != null && current.declared.contains(metric) && Double.isFinite(value)) {
            current.add(metric, value);
        }
    }

    /** Writes what was recorded since the last flush as one document (nothing if nothing was), then forgets it. */
    public void flush() {
        try {
            writer.write(sets, dimensions, values);
        } finally {
            values.clear();
        }
    }
}
