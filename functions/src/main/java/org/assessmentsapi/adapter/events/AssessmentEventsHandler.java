package org.assessmentsapi.adapter.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assessmentsapi.adapter.lambda.MalformedEventException;
import org.assessmentsapi.adapter.validation.RequestValidator;
import org.assessmentsapi.application.UpdateAssessment;
import org.assessmentsapi.bootstrap.EventsFunction;
import org.assessmentsapi.adapter.logging.Log;

/**
 * The Lambda entry point of event-driven updates: EventBridge routes "Assessment Update Requested" events
 * to an SQS queue, whose event source mapping (with {@code ReportBatchItemFailures}) invokes this with a
 * batch. Each message is processed on its own; the response lists the messages SQS must not delete.
 *
 * <p>Rejected messages (invalid, unknown assessment, version conflict) are reported as failures too, not
 * dropped: SQS delivers them again until {@code maxReceiveCount}, then moves them to the dead-letter
 * queue, where they can be inspected and redriven. The cost is a few hopeless retries, each logged at WARN
 * with the message id and the reason; the gain is that nothing is ever lost silently, with no SQS client
 * (and no send-then-delete race) in the function.
 *
 * <p>The handler never throws for a message: an exception would make SQS redeliver the whole batch, and count a
 * receive against messages that were fine. Only an invocation event that is not an SQS event at all (no
 * message can be named in the answer; SQS never sends one) fails the invocation, after an ERROR line, so that
 * nothing it might carry is deleted.
 *
 * <p>A stream handler: it reads the event JSON and writes the batch response JSON itself ({@link SqsBatch}), so
 * the Lambda runtime's POJO serializer, and the joda-time classes it loads for {@code SQSEvent}, never run
 * (docs/events.md).
 */
public final class AssessmentEventsHandler implements RequestStreamHandler {

    private final UpdateEventProcessor processor;
    /**
     * Time one message may take in the worst case. With less time left, the remaining messages are returned
     * for retry rather than cut by a Lambda timeout, which would fail the whole batch.
     */
    private final Duration timePerMessage;

    /**
     * Used by the Lambda runtime, which creates the handler by its class name: the composition root builds it
     * from the environment (the store's configuration, no JWT settings), with its SnapStart priming
     * ({@link EventsFunction#fromEnvironment}).
     */
    public AssessmentEventsHandler() {
        this(EventsFunction.fromEnvironment(System.getenv()));
    }

    private AssessmentEventsHandler(AssessmentEventsHandler wired) {
        this.processor = wired.processor;
        this.timePerMessage = wired.timePerMessage;
    }

    public AssessmentEventsHandler(RequestValidator validator, UpdateAssessment updateAssessment, Duration timePerMessage) {
        this.processor = new UpdateEventProcessor(validator, updateAssessment);
        this.timePerMessage = timePerMessage;
    }

    @Override
    public void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        String requestId = context == null ? null : context.getAwsRequestId();
        List<SqsMessage> messages;
        try {
            messages = SqsBatch.read(event);
        } catch (MalformedEventException e) {
            Log.error(requestId, "the invocation event is not an SQS event, the invocation fails: " + e.getMessage(), null);
            throw new IllegalArgumentException("not an SQS event: " + e.getMessage());
        }
        SqsBatch.writeResponse(notDone(messages, context, requestId), response);
    }

    /** Processes each message in turn; returns the ids of those SQS must not delete. */
    private List<String> notDone(List<SqsMessage> messages, Context context, String requestId) {
        List<String> failures = new ArrayList<>();
        for (SqsMessage message : messages) {
            MessageOutcome outcome = outOfTime(context)
                    ? new MessageOutcome.Retry("not attempted: too little time left in this invocation")
                    : process(message, requestId);
            log(requestId, message, outcome);
            if (!outcome.done()) {
                failures.add(message.messageId());
            }
        }
        return failures;
    }

    private MessageOutcome process(SqsMessage message, String requestId) {
        try {
            return processor.process(message.body());
        } catch (RuntimeException e) {
            // A bug or an unforeseen store error: retried like a transient failure, then dead-lettered.
            Log.error(requestId, "message " + message.messageId() + ": unexpected failure", e);
            return new MessageOutcome.Retry("unexpected failure: " + e.getClass().getSimpleName());
        }
    }

    private boolean outOfTime(Context context) {
        return context != null && context.getRemainingTimeInMillis() < timePerMessage.toMillis();
    }

    private static void log(String requestId, SqsMessage message, MessageOutcome outcome) {
        String line = "message " + message.messageId()
                + (message.receiveCount() == null ? "" : " (receive " + message.receiveCount() + ")") + ": " + outcome.describe();
        if (outcome.done()) {
            Log.info(requestId, line);
        } else {
            Log.warn(requestId, line);
        }
    }
}
