package org.assessmentsapi.adapter.logging;

import java.util.Objects;

/**
 * What a handler needs to make its invocations observable: the metrics writer (namespace from
 * {@code METRICS_NAMESPACE}) and the execution environment's cold start, which the SnapStart restore hook resets.
 * One per function, made by the wiring.
 */
public record Telemetry(EmfWriter metrics, ColdStart coldStart) {

    /** The namespace where no configuration names one (tests, the local runner): the stack's default name. */
    public static final String DEFAULT_NAMESPACE = "AssessmentsApi";

    public Telemetry {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(coldStart, "coldStart");
    }

    /** Metrics in {@code namespace}, through {@link Log}, and a new environment (its first invocation is cold). */
    public static Telemetry of(String namespace) {
        return new Telemetry(new EmfWriter(namespace), new ColdStart());
    }
}
