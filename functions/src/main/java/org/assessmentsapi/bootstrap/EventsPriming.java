package org.assessmentsapi.bootstrap;

import java.util.List;
import org.assessmentsapi.adapter.events.AssessmentEventsHandler;
import org.assessmentsapi.adapter.events.UpdateRequested;
import org.assessmentsapi.adapter.logging.Log;

/**
 * SnapStart priming of the event-driven function: before the snapshot is taken, the real handler's stream entry
 * point {@code handleRequest} runs once on the JSON of a built-in SQS event (event reading and response writing
 * included), so that the classes and JIT state of a message are in
 * the snapshot and the first real batch after a restore loads almost nothing (measured by the bench module's
 * {@code priming} part, pinned by {@code ShadedJarIT}).
 *
 * <p>What it runs: an SQS event of one message ({@link #PRIMING_MESSAGE_ID}) whose body is a valid "Assessment
 * Update Requested" EventBridge event ({@link #PRIMING_EVENT_ID}, source {@link #PRIMING_SOURCE}) for
 * {@link PrimingResource#PRIMING_ID} with {@code expectedVersion} {@link PrimingResource#IMPOSSIBLE_VERSION},
 * through the handler that the Lambda runtime calls: JSON parsing, validation, the update command, one
 * conditional UpdateItem through the real DynamoDB client, the classification of the failed condition (a
 * consistent GetItem where DynamoDB returns no old item), the message's log line and the batch response.
 * Then the same message through a handler over the canned DynamoDB, for the success path
 * ({@link EventsFunction#rehearseOnCannedStore}). The handlers' own log lines (the real one rejects the
 * message, as designed) are kept, not written: priming logs one INFO line that says it was priming and how
 * it went, and the handlers' lines only when something unexpected happened.
 *
 * <p>Why it is safe:
 * <ul>
 *   <li>No data is written. The UpdateItem's condition is a conjunction: the item exists ({@code
 *   attribute_exists(id)}), {@code version = }{@link PrimingResource#IMPOSSIBLE_VERSION}, and the event is in
 *   none of the item's {@code appliedEvent} slots. The first fails, since no assessment has the reserved id
 *   (created ids are random version-4 UUIDs); the second would fail even on an item with that id (one
 *   increment per write, 10^15 writes away). The idempotency part can only make the condition stricter: it is
 *   a {@code NOT (...)} conjunct, never an alternative. So DynamoDB writes nothing (it still counts one write
 *   request unit). Should an item with the reserved id hold the priming event id, the message would be
 *   classified as already applied, again without a write.</li>
 *   <li>Nothing reaches a queue: the event is built in memory and handed to the handler; the function has no
 *   SQS client, and the batch response (which reports the priming message as not done) goes nowhere.</li>
 *   <li>Nothing is cached from priming: the processor, the update command and the repository keep no state,
 *   and the canned store's handler is discarded.</li>
 *   <li>A failure never breaks the snapshot: priming catches everything and logs it ({@link PrimingResource}).</li>
 * </ul>
 */
public final class EventsPriming extends PrimingResource {

    /** The SQS message id of the priming message (what the batch response reports). */
    public static final String PRIMING_MESSAGE_ID = "snapstart-priming";
    /** The EventBridge id of the priming event: the idempotency key it would record if its update could apply. */
    public static final String PRIMING_EVENT_ID = "snapstart-priming-" + PRIMING_ID;
    /** The priming event's {@code source}, the internal caller of its update. */
    public static final String PRIMING_SOURCE = "assessments.snapstart-priming";

    private final AssessmentEventsHandler handler;
    private final StartupTask successPath;

    /** Primes {@code handler} (the real one), then runs {@code successPath}. */
    EventsPriming(AssessmentEventsHandler handler, StartupTask successPath) {
        super("events function");
        this.handler = handler;
        this.successPath = successPath;
    }

    /** Runs the handler on the priming event; returns what the batch response said of the priming message. */
    @Override
    protected String run() throws Exception {
        // Held back: priming must never read like an incident (a rejected message) or like real work in the log.
        Log.Collected<List<String>> handled = Log.collecting(() -> {
            try {
                List<String> notDone = Rehearsal.events(handler, PRIMING_MESSAGE_ID, body());
                successPath.run();
                return notDone;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        boolean failed = handled.lines().stream().anyMatch(line -> line.level().equals("ERROR"));
        if (handled.result().equals(List.of(PRIMING_MESSAGE_ID)) && !failed) {
            return "message " + PRIMING_MESSAGE_ID
                    + " ran through the handler and was not applied, as designed (nothing written)";
        }
        return "unexpected: batch item failures " + handled.result() + " (expected only " + PRIMING_MESSAGE_ID
                + "), handler log "
                + handled.lines().stream().map(Log.Line::json).toList();
    }

    /** The message body: a valid update event for the reserved id at the impossible version. */
    public static String body() {
        return "{\"version\":\"0\",\"id\":\"" + PRIMING_EVENT_ID + "\",\"detail-type\":\"" + UpdateRequested.DETAIL_TYPE
                + "\","
                + "\"source\":\"" + PRIMING_SOURCE
                + "\",\"account\":\"000000000000\",\"time\":\"2026-01-01T00:00:00Z\","
                + "\"region\":\"us-east-1\",\"resources\":[],\"detail\":{\"assessmentId\":\"" + PRIMING_ID + "\","
                + "\"changes\":{\"status\":\"ACTION_REQUIRED\",\"progress\":100,\"overallRiskScore\":72.5,\"overallRiskLevel\":\"HIGH\"},"
                + "\"expectedVersion\":" + IMPOSSIBLE_VERSION + "}}";
    }
}
