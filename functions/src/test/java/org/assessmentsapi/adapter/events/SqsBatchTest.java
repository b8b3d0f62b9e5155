package org.assessmentsapi.adapter.events;

import static org.assessmentsapi.support.SqsEvents.batch;
import static org.assessmentsapi.support.SqsEvents.message;
import static org.assessmentsapi.support.SqsEvents.updateEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.assessmentsapi.adapter.lambda.MalformedEventException;
import org.assessmentsapi.bootstrap.Wiring;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.LambdaInvocations;
import org.assessmentsapi.support.SqsEvents;
import org.assessmentsapi.support.TestContext;
import org.junit.jupiter.api.Test;

/**
 * The events function's own reading of the SQS event JSON and writing of its partial batch response: the sample,
 * fields AWS may add, parts that may be absent, events that are not SQS events, and the deadline check against
 * the invocation's remaining time.
 */
class SqsBatchTest extends EventsTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<SqsMessage> read(String event) throws MalformedEventException {
        return SqsBatch.read(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSqsSampleIsReadAsItsFileSays() throws Exception {
        var sample = JSON.readTree(
                        ApiEvents.eventsDir().resolve(SqsEvents.SQS_SAMPLE).toFile())
                .get("Records")
                .get(0);

        List<SqsMessage> messages =
                SqsBatch.read(Files.newInputStream(ApiEvents.eventsDir().resolve(SqsEvents.SQS_SAMPLE)));

        assertEquals(
                List.of(new SqsMessage(
                        sample.get("messageId").asText(), sample.get("body").asText(), "1")),
                messages);
        // Its body is the EventBridge sample, the other file of events/.
        assertEquals(
                JSON.readTree(ApiEvents.eventsDir()
                        .resolve(SqsEvents.EVENTBRIDGE_SAMPLE)
                        .toFile()),
                JSON.readTree(messages.get(0).body()));
    }

    @Test
    void unknownFieldsAreIgnoredAndAbsentPartsReadAsAbsent() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(
                ApiEvents.eventsDir().resolve(SqsEvents.SQS_SAMPLE).toFile());
        event.put("futureTopLevel", 1);
        ObjectNode record = (ObjectNode) event.get("Records").get(0);
        record.putObject("futureField").put("x", "y");
        record.putObject("messageAttributes")
                .putObject("kind")
                .put("stringValue", "a")
                .put("dataType", "String");
        event.withArray("Records").addObject().put("messageId", "bare");

        List<SqsMessage> messages = read(event.toString());

        assertEquals(2, messages.size());
        assertEquals("1", messages.get(0).receiveCount());
        assertEquals(new SqsMessage("bare", null, null), messages.get(1));
        assertEquals(List.of(), read("{}"), "no Records: an empty batch");
        assertEquals(List.of(), read("{\"Records\":[]}"));
    }

    @Test
    void aMessageWithoutBodyIsReportedAndTheOthersAreProcessed() {
        String id = createAssessment();
        SQSEvent.SQSMessage bodiless = message(null);
        SQSEvent.SQSMessage valid = message(updateEvent(newEventId(), id, "{\"progress\":15}"));

        SQSBatchResponse response = send(handler, batch(bodiless, valid));

        assertEquals(ids(bodiless), failedIds(response));
        assertEquals("2", version(id));
    }

    @Test
    void anEventThatIsNotAnSqsEventFailsTheInvocationAndWritesNothing() {
        for (String event : List.of(
                "not json",
                "[]",
                "{\"Records\":{}}",
                "{\"Records\":[1]}",
                "{\"Records\":[{\"body\":\"{}\"}]}",
                "{\"Records\":[{\"messageId\":7}]}",
                "{\"Records\":[{\"messageId\":\"m\",\"body\":{}}]}",
                "{\"Records\":[{\"messageId\":\"m\",\"attributes\":[]}]}")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> handler.handleRequest(
                            new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null),
                    event);
            assertTrue(e.getMessage().startsWith("not an SQS event: "), e.getMessage());
            assertEquals(0, out.size(), event);
        }
    }

    @Test
    void theBatchResponseIsWrittenAsLambdaReadsIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SqsBatch.writeResponse(List.of("a", "b\"c"), out);
        assertEquals(
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"a\"},{\"itemIdentifier\":\"b\\\"c\"}]}",
                out.toString(StandardCharsets.UTF_8));

        out.reset();
        SqsBatch.writeResponse(List.of(), out);
        assertEquals("{\"batchItemFailures\":[]}", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withTooLittleTimeLeftNoMessageIsAttemptedAndAllAreReported() {
        String id = createAssessment();
        var first = message(updateEvent(newEventId(), id, "{\"progress\":20}"));
        var second = message(updateEvent(newEventId(), id, "{\"progress\":30}"));
        long justTooLittle = Wiring.TIME_PER_MESSAGE.toMillis() - 1;

        SQSBatchResponse late = LambdaInvocations.invoke(handler, batch(first, second), remainingTime(justTooLittle));

        assertEquals(ids(first, second), failedIds(late));
        assertEquals("1", version(id), "nothing attempted");

        SQSBatchResponse inTime =
                LambdaInvocations.invoke(handler, batch(first), remainingTime(Wiring.TIME_PER_MESSAGE.toMillis()));
        assertEquals(Set.of(), failedIds(inTime));
        assertEquals("2", version(id));
    }

    /**
     * A stand-in for the runtime's Context (the clock is what a test cannot have on demand): it answers only the
     * remaining time, the request id and the trace header, the three things the handler asks.
     */
    private static Context remainingTime(long millis) {
        return (Context) Proxy.newProxyInstance(
                Context.class.getClassLoader(),
                new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemainingTimeInMillis" -> (int) millis;
                    case "getAwsRequestId" -> "remaining-time-test";
                    case "getXrayTraceId" -> TestContext.TRACE_HEADER;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
