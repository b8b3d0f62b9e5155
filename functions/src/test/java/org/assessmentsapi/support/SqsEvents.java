package org.assessmentsapi.support;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.UUID;

/**
 * SQS events built from the samples in {@code events/}: the SQS event (read into the event class, with Lambda's
 * field names) and the EventBridge event its record body carries, given fresh ids and details.
 */
public final class SqsEvents {

    public static final String SQS_SAMPLE = "sqs-assessment-update.json";
    public static final String EVENTBRIDGE_SAMPLE = "eventbridge-assessment-update.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SqsEvents() {}

    public static SQSEvent sample() {
        return LambdaInvocations.read(ApiEvents.eventsDir().resolve(SQS_SAMPLE), SQSEvent.class);
    }

    public static ObjectNode eventBridgeSample() {
        try {
            return (ObjectNode) JSON.readTree(
                    ApiEvents.eventsDir().resolve(EVENTBRIDGE_SAMPLE).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The EventBridge sample with this event id and detail (a JSON object, as text). */
    public static String updateEvent(String eventId, String detailJson) {
        ObjectNode event = eventBridgeSample();
        event.put("id", eventId);
        event.set("detail", json(detailJson));
        return event.toString();
    }

    /** An update event for {@code assessmentId} with these {@code changes} (JSON text) and no expected version. */
    public static String updateEvent(String eventId, String assessmentId, String changesJson) {
        return updateEvent(eventId, "{\"assessmentId\":\"" + assessmentId + "\",\"changes\":" + changesJson + "}");
    }

    /** A message like the sample's record, with a fresh message id and this body. */
    public static SQSEvent.SQSMessage message(String body) {
        SQSEvent.SQSMessage message = sample().getRecords().get(0);
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(body);
        return message;
    }

    /** The same message delivered again, as SQS does: same id and body, receive count one higher. */
    public static SQSEvent.SQSMessage redelivery(SQSEvent.SQSMessage original) {
        SQSEvent.SQSMessage again = message(original.getBody());
        again.setMessageId(original.getMessageId());
        var attributes = new HashMap<>(original.getAttributes());
        attributes.put(
                "ApproximateReceiveCount",
                Integer.toString(Integer.parseInt(attributes.get("ApproximateReceiveCount")) + 1));
        again.setAttributes(attributes);
        return again;
    }

    public static SQSEvent batch(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(Arrays.asList(messages));
        return event;
    }
}
