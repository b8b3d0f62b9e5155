package org.assessmentsapi.adapter.logging;

import java.util.EnumSet;
import java.util.List;

/**
 * Metrics that CloudWatch aggregates by the same dimensions: one directive of an EMF document
 * ({@code CloudWatchMetrics[]}), with a single dimension set. The EMF specification allows at most
 * {@value #MAX_DIMENSIONS} dimensions in a set and {@value #MAX_METRICS} metrics in a directive.
 */
public record MetricSet(List<MetricDimension> dimensions, List<Metric> metrics) {

    public static final int MAX_DIMENSIONS = 30;
    public static final int MAX_METRICS = 100;

    public MetricSet {
        dimensions = List.copyOf(dimensions);
        metrics = List.copyOf(metrics);
        if (dimensions.isEmpty()
                || dimensions.size() > MAX_DIMENSIONS
                || EnumSet.copyOf(dimensions).size() != dimensions.size()) {
            throw new IllegalArgumentException(
                    "a dimension set needs 1 to " + MAX_DIMENSIONS + " distinct dimensions: " + dimensions);
        }
        if (metrics.isEmpty()
                || metrics.size() > MAX_METRICS
                || EnumSet.copyOf(metrics).size() != metrics.size()) {
            throw new IllegalArgumentException(
                    "a directive needs 1 to " + MAX_METRICS + " distinct metrics: " + metrics);
        }
    }
}
