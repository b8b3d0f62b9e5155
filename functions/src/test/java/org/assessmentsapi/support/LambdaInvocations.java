package org.assessmentsapi.support;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The one way tests invoke the functions: as the Lambda runtime does a stream handler. The test's event (built
 * as an {@code aws-lambda-java-events} object, for convenience) becomes the JSON Lambda sends, with Lambda's
 * field names ({@code Records}, {@code eventSourceARN}, {@code isBase64Encoded}) and absent fields left out;
 * the handler reads it from an input stream and writes its answer to an output stream; the answer is parsed
 * back, failing on any field the response types do not know (so a misspelt field fails the test).
 */
public final class LambdaInvocations {

    /** Lambda's names where the event classes' bean names differ. */
    private abstract static class SqsEventNames {
        @JsonProperty("Records")
        abstract List<SQSEvent.SQSMessage> getRecords();
    }

    private abstract static class SqsMessageNames {
        @JsonProperty("eventSourceARN")
        abstract String getEventSourceArn();
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addMixIn(SQSEvent.class, SqsEventNames.class)
            .addMixIn(SQSEvent.SQSMessage.class, SqsMessageNames.class)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private LambdaInvocations() {}

    /** Invokes the API function with this event; its v2 response. */
    public static APIGatewayV2HTTPResponse invoke(
            RequestStreamHandler handler, APIGatewayV2HTTPEvent event, Context context) {
        return parse(invoke(handler, toJson(event), context), APIGatewayV2HTTPResponse.class);
    }

    /** Invokes the events function with this SQS event; its partial batch response. */
    public static SQSBatchResponse invoke(RequestStreamHandler handler, SQSEvent event, Context context) {
        return parse(invoke(handler, toJson(event), context), SQSBatchResponse.class);
    }

    /** Invokes a handler with raw event JSON; the raw response JSON. */
    public static byte[] invoke(RequestStreamHandler handler, byte[] event, Context context) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), response, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response.toByteArray();
    }

    /** An event as the JSON Lambda delivers. */
    public static byte[] toJson(Object event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample event file (Lambda's JSON) as an event object of this type. */
    public static <T> T read(Path file, Class<T> type) {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A handler's answer as a response object, failing on any field the type does not know. */
    public static <T> T parse(byte[] json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the handler's answer is not a " + type.getSimpleName() + ": "
                            + new String(json, java.nio.charset.StandardCharsets.UTF_8),
                    e);
        }
    }
}
