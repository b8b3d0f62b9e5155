package org.assessmentsapi.adapter.logging;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * One invocation of a function, from its first line to its metric document: the ids every log line of it carries
 * (Lambda's request id, API Gateway's, the X-Ray trace id), whether it is a cold start, its metrics (bound to the
 * thread, so the DynamoDB client's hook finds them) and its duration. {@link #close} writes the metric document.
 * Begun and closed on the invocation's thread, e.g. {@code try (Invocation invocation = Invocation.begin(...))}.
 *
 * <p>A built-in invocation (start-up rehearsal, SnapStart priming: {@link Log#collecting}) does not take the
 * environment's cold start, and its lines and document are collected, not written.
 */
public final class Invocation implements AutoCloseable {

    /** Where the Lambda Java runtime puts the invocation's trace header (besides {@link Context#getXrayTraceId}). */
    static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";
    /** API Gateway's request ids are short; anything longer did not come from it and is cut. */
    private static final int MAX_ID_LENGTH = 64;

    private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();

    private final String functionRequestId;
    private final String traceId;
    private final boolean coldStart;
    private final InvocationMetrics metrics;
    private final InvocationMetrics.Scope metricsScope;
    private final Invocation previous;
    private final long startedNanos = System.nanoTime();
    private String apiRequestId;

    private Invocation(Context context, ColdStart environment, InvocationMetrics metrics) {
        this.functionRequestId = context == null ? null : context.getAwsRequestId();
        this.traceId = rootTraceId(
                context == null || context.getXrayTraceId() == null
                        ? System.getProperty(TRACE_HEADER_PROPERTY)
                        : context.getXrayTraceId());
        this.coldStart = !Log.isCollecting() && environment.take();
        this.metrics = metrics;
        this.previous = CURRENT.get();
        CURRENT.set(this);
        this.metricsScope = metrics.bind();
        metrics.add(Metric.COLD_START, coldStart ? 1 : 0);
    }

    /**
     * @param context     the Lambda context (null when a test or the local runner invokes without one)
     * @param environment the execution environment's cold start, taken by this invocation if still cold
     * @param metrics     this invocation's metrics, written when it closes
     */
    public static Invocation begin(Context context, ColdStart environment, InvocationMetrics metrics) {
        return new Invocation(context, environment, metrics);
    }

    /** The invocation running on this thread, or null. */
    static Invocation current() {
        return CURRENT.get();
    }

    /** API Gateway's id of the request ({@code requestContext.requestId}), the one its access log has. */
    public void apiRequestId(String id) {
        this.apiRequestId = id == null || id.length() <= MAX_ID_LENGTH ? id : id.substring(0, MAX_ID_LENGTH);
    }

    public InvocationMetrics metrics() {
        return metrics;
    }

    public boolean coldStart() {
        return coldStart;
    }

    /** Milliseconds since the invocation began, with microseconds. */
    public double elapsedMillis() {
        return Math.round((System.nanoTime() - startedNanos) / 1_000.0) / 1_000.0;
    }

    /** The invocation's fields of every log line. */
    void writeFields(JsonGenerator json) throws IOException {
        json.writeStringField("function_request_id", functionRequestId);
        if (apiRequestId != null) {
            json.writeStringField("api_request_id", apiRequestId);
        }
        json.writeStringField("xray_trace_id", traceId);
        json.writeBooleanField("cold_start", coldStart);
    }

    /** Writes the invocation's metric document; a metrics failure is logged, never thrown into the response. */
    @Override
    public void close() {
        try {
            metrics.flush();
        } catch (RuntimeException e) {
            Log.warn(functionRequestId, "metrics of this invocation not written: " + e.getMessage());
        } finally {
            metricsScope.close();
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The trace id of an X-Ray trace header ({@code Root=1-...;Parent=...;Sampled=1} gives {@code 1-...}). */
    static String rootTraceId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        for (String part : header.split(";")) {
            String trimmed = part.trim();
            if (trimmed.startsWith("Root=")) {
                return trimmed.substring("Root=".length());
            }
        }
        return null;
    }
}
