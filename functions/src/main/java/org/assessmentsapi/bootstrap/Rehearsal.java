package org.assessmentsapi.bootstrap;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assessmentsapi.adapter.events.AssessmentEventsHandler;
import org.assessmentsapi.adapter.http.ApiHandler;
import org.assessmentsapi.adapter.lambda.EventJson;
import org.assessmentsapi.adapter.validation.StrictJson;

/**
 * Built-in invocations of the functions through their Lambda entry points ({@code handleRequest}: event JSON in,
 * response JSON out), with events shaped as API Gateway and the SQS event source mapping deliver them: what the
 * start-up warm-up and the SnapStart primings run, so that reading the event and writing the answer are loaded too.
 */
final class Rehearsal {

    /** The API's collection, as API Gateway's payload 2.0 names it. */
    private static final String ITEMS = "/api/assessments";

    private Rehearsal() {}

    /**
     * Invokes the API handler with a request on assessment {@code id}, or on the collection when it is null;
     * returns the answer's {@code statusCode}.
     */
    static int api(ApiHandler handler, String method, String id, String token, String body) throws IOException {
        return api(handler, method, id, "", Map.of(), token, body);
    }

    /** As {@link #api(ApiHandler, String, String, String, String)}, with a query string and more request headers. */
    static int api(
            ApiHandler handler,
            String method,
            String id,
            String rawQueryString,
            Map<String, String> headers,
            String token,
            String body)
            throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream(1024);
        handler.handleRequest(
                new ByteArrayInputStream(apiEvent(method, id, rawQueryString, headers, token, body)), response, null);
        return StrictJson.read(new ByteArrayInputStream(response.toByteArray()))
                .get("statusCode")
                .intValue();
    }

    /** Invokes the events handler with one SQS message; returns the ids the batch response reports as not done. */
    static List<String> events(AssessmentEventsHandler handler, String messageId, String body) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream(256);
        handler.handleRequest(new ByteArrayInputStream(sqsEvent(messageId, body)), response, null);
        List<String> notDone = new ArrayList<>();
        for (JsonNode failure : StrictJson.read(new ByteArrayInputStream(response.toByteArray()))
                .get("batchItemFailures")) {
            notDone.add(failure.get("itemIdentifier").textValue());
        }
        return notDone;
    }

    /**
     * Invokes {@code handler} with {@code event} {@code rounds} times ({@link PrimingResource#rounds}: at most, with a
     * trace header set), the answers discarded; returns the rounds run. Each round gets a handler from
     * {@code handlers} (with the round's number), so that a round may start from a fresh verifier.
     */
    static int repeat(
            int rounds, java.util.function.IntFunction<? extends RequestStreamHandler> handlers, byte[] event) {
        ByteArrayOutputStream response = new ByteArrayOutputStream(1024);
        return PrimingResource.rounds(rounds, round -> {
            response.reset();
            try {
                handlers.apply(round).handleRequest(new ByteArrayInputStream(event), response, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // in-memory streams
            }
        });
    }

    /** The JSON of an API Gateway HTTP API event (payload format 2.0). */
    static byte[] apiEvent(
            String method, String id, String rawQueryString, Map<String, String> headers, String token, String body) {
        String path = id == null ? ITEMS : ITEMS + "/" + id;
        String routeKey = method + " " + (id == null ? ITEMS : ITEMS + "/{id}");
        return json(json -> {
            json.writeStartObject();
            json.writeStringField("version", "2.0");
            json.writeStringField("routeKey", routeKey);
            json.writeStringField("rawPath", path);
            json.writeStringField("rawQueryString", rawQueryString);
            json.writeObjectFieldStart("headers");
            json.writeStringField("authorization", "Bearer " + token);
            json.writeStringField("accept", "application/json");
            if (body != null) {
                json.writeStringField("content-type", "application/json");
            }
            for (var header : headers.entrySet()) {
                json.writeStringField(header.getKey(), header.getValue());
            }
            json.writeEndObject();
            if (id != null) {
                json.writeObjectFieldStart("pathParameters");
                json.writeStringField("id", id);
                json.writeEndObject();
            }
            json.writeObjectFieldStart("requestContext");
            json.writeStringField("requestId", "rehearsal");
            json.writeStringField("routeKey", routeKey);
            json.writeStringField("stage", "$default");
            json.writeObjectFieldStart("http");
            json.writeStringField("method", method);
            json.writeStringField("path", path);
            json.writeStringField("protocol", "HTTP/1.1");
            json.writeEndObject();
            json.writeEndObject();
            if (body != null) {
                json.writeStringField("body", body);
            }
            json.writeBooleanField("isBase64Encoded", false);
            json.writeEndObject();
        });
    }

    /** The JSON of an SQS event of one message, as the event source mapping delivers it. */
    static byte[] sqsEvent(String messageId, String body) {
        return json(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("Records");
            json.writeStartObject();
            json.writeStringField("messageId", messageId);
            json.writeStringField("body", body);
            json.writeObjectFieldStart("attributes");
            json.writeStringField("ApproximateReceiveCount", "1");
            json.writeEndObject();
            json.writeObjectFieldStart("messageAttributes");
            json.writeEndObject();
            json.writeStringField("eventSource", "aws:sqs");
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private interface Writing {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private static byte[] json(Writing writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = EventJson.generator(out)) {
            writing.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }
}
