package org.assessmentsapi.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assessmentsapi.adapter.logging.EmfWriter;
import org.assessmentsapi.adapter.logging.InvocationMetrics;
import org.assessmentsapi.adapter.logging.Metric;
import org.assessmentsapi.support.EmfSpecification;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;

/** The hooks as the SDK calls them: one call that succeeds, one that fails, one outside any invocation. */
class DynamoDbCallTimerTest {

    private final List<String> lines = new ArrayList<>();
    private final EmfWriter writer = new EmfWriter("AssessmentsApi", Clock.systemUTC(), lines::add);
    private final DynamoDbCallTimer timer = new DynamoDbCallTimer();

    @Test
    void eachCallOfTheBoundInvocationIsRecordedSucceededOrFailed() throws InterruptedException {
        InvocationMetrics metrics = InvocationMetrics.events(writer);
        try (var scope = metrics.bind()) {
            ExecutionAttributes first = new ExecutionAttributes();
            timer.beforeExecution(null, first);
            Thread.sleep(5);
            timer.afterExecution(null, first);
            ExecutionAttributes second = new ExecutionAttributes();
            timer.beforeExecution(null, second);
            timer.onExecutionFailure(null, second);
        }
        metrics.flush();
        assertEquals(1, lines.size());
        assertEquals(List.of(), EmfSpecification.violations(lines.get(0), Instant.now()));
        var latencies = EmfSpecification.tree(lines.get(0)).get(Metric.DYNAMODB_LATENCY.emfName());
        assertEquals(2, latencies.size());
        assertTrue(latencies.get(0).asDouble() >= 5, latencies.toString());
    }

    @Test
    void aCallOutsideAnInvocationIsNotRecorded() {
        InvocationMetrics metrics = InvocationMetrics.events(writer);
        try (var scope = metrics.bind()) {
            // bound and unbound again: the call below runs after the invocation
        }
        ExecutionAttributes attributes = new ExecutionAttributes();
        timer.beforeExecution(null, attributes);
        timer.afterExecution(null, attributes);
        metrics.flush();
        assertEquals(List.of(), lines);
    }
}
