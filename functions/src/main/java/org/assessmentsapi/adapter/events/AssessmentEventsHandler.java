package org.assessmentsapi.adapter.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assessmentsapi.adapter.lambda.MalformedEventException;
import org.assessmentsapi.adapter.logging.Invocation;
import org.assessmentsapi.adapter.logging.InvocationMetrics;
import org.assessmentsapi.adapter.logging.Log;
import org.assessmentsapi.adapter.logging.Metric;
import org.assessmentsapi.adapter.logging.Telemetry;
import org.assessmentsapi.adapter.validation.RequestValidator;
import org.assessmentsapi.application.UpdateAssessment;
import org.assessmentsapi.bootstrap.EventsFunction;

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

    private final Telemetry telemetry;

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
        this.telemetry = wired.telemetry;
    }

    /**
     * @param telemetry the function's metrics writer and cold start: every message writes one summary line, every
     *                  batch one metric document (docs/operations.md)
     */
    public AssessmentEventsHandler(
            RequestValidator validator,
            UpdateAssessment updateAssessment,
            Duration timePerMessage,
            Telemetry telemetry) {
        this.processor = new UpdateEventProcessor(validator, updateAssessment);
        this.timePerMessage = timePerMessage;
        this.telemetry = telemetry;
    }

    @Override
    public void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        try (Invocation invocation =
                Invocation.begin(context, telemetry.coldStart(), InvocationMetrics.events(telemetry.metrics()))) {
            handleBatch(event, response, context, invocation.metrics());
        }
    }

    private void handleBatch(InputStream event, OutputStream response, Context context, InvocationMetrics metrics)
            throws IOException {
        String requestId = context == null ? null : context.getAwsRequestId();
        List<SqsMessage> messages;
        try {
            messages = SqsBatch.read(event);
        } catch (MalformedEventException e) {
            Log.error(
                    requestId,
                    "the invocation event is not an SQS event, the invocation fails: " + e.getMessage(),
                    null);
            throw new IllegalArgumentException("not an SQS event: " + e.getMessage());
        }
        SqsBatch.writeResponse(notDone(messages, context, requestId, metrics), response);
    }

    /** Processes each message in turn; returns the ids of those SQS must not delete. */
    private List<String> notDone(
            List<SqsMessage> messages, Context context, String requestId, InvocationMetrics metrics) {
        List<String> failures = new ArrayList<>();
        for (SqsMessage message : messages) {
            MessageOutcome outcome = outOfTime(context)
                    ? new MessageOutcome.Retry("not attempted: too little time left in this invocation")
                    : process(message, requestId);
            summarize(message, outcome, metrics);
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
            return new MessageOutcome.Retry(
                    "unexpected failure: " + e.getClass().getSimpleName());
        }
    }

    private boolean outOfTime(Context context) {
        return context != null && context.getRemainingTimeInMillis() < timePerMessage.toMillis();
    }

    /** The message's one summary line (id, outcome, receive count, why) and its outcome's metric. */
    private static void summarize(SqsMessage message, MessageOutcome outcome, InvocationMetrics metrics) {
        Metric counted = switch (outcome) {
            case MessageOutcome.Applied applied -> Metric.APPLIED;
            case MessageOutcome.AlreadyApplied already -> Metric.ALREADY_APPLIED;
            case MessageOutcome.Rejected rejected -> Metric.REJECTED;
            case MessageOutcome.Retry retry -> Metric.RETRIED;
        };
        metrics.add(counted, 1);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("message_id", message.messageId());
        fields.put("outcome", OUTCOMES.get(counted));
        if (message.receiveCount() != null) {
            fields.put("receive_count", message.receiveCount());
        }
        Log.summary(
                outcome.done() ? Log.Level.INFO : Log.Level.WARN,
                "message " + message.messageId() + ": " + outcome.describe(),
                fields);
    }

    /** The {@code outcome} field of a message's summary line, per outcome metric. */
    private static final Map<Metric, String> OUTCOMES = Map.of(
            Metric.APPLIED,
            "applied",
            Metric.ALREADY_APPLIED,
            "already_applied",
            Metric.REJECTED,
            "rejected",
            Metric.RETRIED,
            "retried");
}
