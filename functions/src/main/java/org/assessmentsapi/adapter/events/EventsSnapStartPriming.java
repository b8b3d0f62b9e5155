package org.assessmentsapi.adapter.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.assessmentsapi.adapter.lambda.EventJson;
import org.assessmentsapi.adapter.logging.Log;
import org.assessmentsapi.adapter.validation.StrictJson;
import org.assessmentsapi.domain.EventUpdate;
import org.assessmentsapi.bootstrap.PrimingResource;

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
 * Then the mapping of a success, on an in-memory item. The handler's own log line for the message (a WARN: the
 * event is rejected, as designed) is kept, not written: priming logs one INFO line that says it was priming and
 * how it went, and the handler's lines only when something unexpected happened.
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
 *   <li>Nothing is cached from priming: the processor, the update command and the repository keep no state.</li>
 *   <li>A failure never breaks the snapshot: priming catches everything and logs it ({@link PrimingResource}).</li>
 * </ul>
 */
public final class EventsSnapStartPriming extends PrimingResource {

    /** The SQS message id of the priming message (what the batch response reports). */
    public static final String PRIMING_MESSAGE_ID = "snapstart-priming";
    /** The EventBridge id of the priming event: the idempotency key it would record if its update could apply. */
    public static final String PRIMING_EVENT_ID = "snapstart-priming-" + PRIMING_ID;
    /** The priming event's {@code source}, the internal caller of its update. */
    public static final String PRIMING_SOURCE = "assessments.snapstart-priming";

    private final AssessmentEventsHandler handler;

    EventsSnapStartPriming(AssessmentEventsHandler handler) {
        super("events function");
        this.handler = handler;
    }

    /** Runs the handler on the priming event; returns what the batch response said of the priming message. */
    @Override
    protected String run() throws IOException {
        // The handler's own "rejected" line is held back: priming must never read like an incident in the log.
        Log.Collected<byte[]> handled = Log.collecting(() -> {
            ByteArrayOutputStream response = new ByteArrayOutputStream(256);
            try {
                handler.handleRequest(new ByteArrayInputStream(event()), response, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return response.toByteArray();
        });
        // The success path's mapping and log text, on an in-memory item (no store call).
        new MessageOutcome.Applied(PRIMING_EVENT_ID, mappedSample(PRIMING_SOURCE)).describe();
        List<String> notDone = new ArrayList<>();
        for (JsonNode failure : StrictJson.read(new ByteArrayInputStream(handled.result())).get("batchItemFailures")) {
            notDone.add(failure.get("itemIdentifier").textValue());
        }
        boolean failed = handled.lines().stream().anyMatch(line -> line.level().equals("ERROR"));
        if (notDone.equals(List.of(PRIMING_MESSAGE_ID)) && !failed) {
            return "message " + PRIMING_MESSAGE_ID + " ran through the handler and was not applied, as designed (nothing written)";
        }
        return "unexpected: batch item failures " + notDone + " (expected only " + PRIMING_MESSAGE_ID + "), handler log "
                + handled.lines().stream().map(Log.Line::json).toList();
    }

    /** The JSON of the built-in SQS event: one message, as the event source mapping delivers it. */
    static byte[] event() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = EventJson.generator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Records");
            json.writeStartObject();
            json.writeStringField("messageId", PRIMING_MESSAGE_ID);
            json.writeStringField("body", body());
            json.writeObjectFieldStart("attributes");
            json.writeStringField("ApproximateReceiveCount", "1");
            json.writeEndObject();
            json.writeObjectFieldStart("messageAttributes");
            json.writeEndObject();
            json.writeStringField("eventSource", "aws:sqs");
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    /** The message body: a valid update event for the reserved id at the impossible version. */
    static String body() {
        return "{\"version\":\"0\",\"id\":\"" + PRIMING_EVENT_ID + "\",\"detail-type\":\"" + EventUpdate.DETAIL_TYPE + "\","
                + "\"source\":\"" + PRIMING_SOURCE + "\",\"account\":\"000000000000\",\"time\":\"2026-01-01T00:00:00Z\","
                + "\"region\":\"us-east-1\",\"resources\":[],\"detail\":{\"assessmentId\":\"" + PRIMING_ID + "\","
                + "\"changes\":{\"status\":\"ACTION_REQUIRED\",\"progress\":100,\"overallRiskScore\":72.5,\"overallRiskLevel\":\"HIGH\"},"
                + "\"expectedVersion\":" + IMPOSSIBLE_VERSION + "}}";
    }
}
