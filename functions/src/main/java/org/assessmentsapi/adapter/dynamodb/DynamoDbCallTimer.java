package org.assessmentsapi.adapter.dynamodb;

import org.assessmentsapi.adapter.logging.InvocationMetrics;
import org.assessmentsapi.adapter.logging.Metric;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Times every DynamoDB call of the client it is added to, from the SDK's first hook to its last (retries and
 * backoff included: what the handler waits), and records it as {@code DynamoDbLatency} in the metrics of the
 * invocation running on the calling thread ({@link InvocationMetrics#bind}); calls outside an invocation (start-up
 * warm-up, SnapStart priming) are not recorded. A synchronous client runs these hooks on the calling thread.
 */
public final class DynamoDbCallTimer implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("assessments.callStartedNanos");

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes);
    }

    private static void record(ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        if (started != null) {
            InvocationMetrics.addToCurrent(Metric.DYNAMODB_LATENCY, (System.nanoTime() - started) / 1_000_000.0);
        }
    }
}
