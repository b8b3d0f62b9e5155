package org.assessmentsapi.adapter.events;

import static org.assessmentsapi.support.SqsEvents.batch;
import static org.assessmentsapi.support.SqsEvents.message;
import static org.assessmentsapi.support.SqsEvents.redelivery;
import static org.assessmentsapi.support.SqsEvents.updateEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Faults dynalite cannot produce on demand (throttling, a bug-like exception), injected at the client:
 * an interceptor fails the UpdateItem calls of chosen assessments, every other call reaches dynalite.
 */
class TransientFailuresTest extends EventsTestSupport {

    private final Map<String, Supplier<RuntimeException>> faults = new ConcurrentHashMap<>();

    private final AssessmentEventsHandler faultyHandler = handlerWith(faultyClient());

    @Test
    void throttlingIsReportedForRetryWithoutFailingTheRestOfTheBatch() {
        String throttled = createAssessment();
        String broken = createAssessment();
        String healthy = createAssessment();
        faults.put(
                throttled,
                () -> ProvisionedThroughputExceededException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("ProvisionedThroughputExceededException")
                                .errorMessage("injected")
                                .build())
                        .build());
        faults.put(broken, () -> new IllegalStateException("injected bug"));
        var toThrottled = message(updateEvent(newEventId(), throttled, "{\"progress\":30}"));
        var toBroken = message(updateEvent(newEventId(), broken, "{\"progress\":30}"));
        var toHealthy = message(updateEvent(newEventId(), healthy, "{\"progress\":30}"));

        SQSBatchResponse response = send(faultyHandler, batch(toThrottled, toBroken, toHealthy));

        assertEquals(ids(toThrottled, toBroken), failedIds(response));
        assertEquals("1", version(throttled));
        assertEquals("1", version(broken));
        assertEquals("2", version(healthy));

        faults.clear(); // the table recovers: SQS delivers the reported messages again
        SQSBatchResponse retried = send(faultyHandler, batch(redelivery(toThrottled), redelivery(toBroken)));

        assertEquals(Set.of(), failedIds(retried));
        assertEquals("2", version(throttled));
        assertEquals("30", rawItem(throttled).get("progress").n());
        assertEquals("2", version(broken));
    }

    private DynamoDbClient faultyClient() {
        ExecutionInterceptor injector = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof UpdateItemRequest update) {
                    Supplier<RuntimeException> fault =
                            faults.get(update.key().get("id").s());
                    if (fault != null) {
                        throw fault.get();
                    }
                }
            }
        };
        return env.clientWith(injector);
    }
}
