package org.assessmentsapi.adapter.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.assessmentsapi.adapter.lambda.EventJson;
import org.assessmentsapi.adapter.lambda.MalformedEventException;

/**
 * The JSON of an SQS event source mapping's invocation: the event ({@code Records[]}) in, the partial batch
 * response ({@code batchItemFailures[].itemIdentifier}) out.
 */
final class SqsBatch {

    private SqsBatch() {}

    /**
     * The records of an SQS event, in order. Each needs a {@code messageId} (the batch response names messages by
     * it); {@code body} and {@code attributes} may be absent. No {@code Records} is an empty batch; the other
     * fields of a record (receiptHandle, md5OfBody, messageAttributes, eventSourceARN, ...) are not read.
     */
    static List<SqsMessage> read(InputStream in) throws MalformedEventException {
        JsonNode records = EventJson.array(EventJson.readObject(in), "Records");
        List<SqsMessage> messages = new ArrayList<>(records == null ? 0 : records.size());
        if (records != null) {
            for (int i = 0; i < records.size(); i++) {
                JsonNode record = records.get(i);
                String where = "Records[" + i + "]";
                if (!record.isObject()) {
                    throw new MalformedEventException("'" + where + "' is not an object");
                }
                String messageId = EventJson.text(record, "messageId");
                if (messageId == null || messageId.isEmpty()) {
                    throw new MalformedEventException("'" + where + ".messageId' is missing");
                }
                messages.add(new SqsMessage(
                        messageId,
                        EventJson.text(record, "body"),
                        EventJson.text(EventJson.object(record, "attributes"), "ApproximateReceiveCount")));
            }
        }
        return messages;
    }

    /** {@code {"batchItemFailures":[{"itemIdentifier":"..."}, ...]}}: the messages SQS must not delete. */
    static void writeResponse(List<String> notDone, OutputStream out) throws IOException {
        try (JsonGenerator json = EventJson.generator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("batchItemFailures");
            for (String messageId : notDone) {
                json.writeStartObject();
                json.writeStringField("itemIdentifier", messageId);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
