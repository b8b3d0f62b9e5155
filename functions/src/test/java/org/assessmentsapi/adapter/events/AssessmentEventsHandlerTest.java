package org.assessmentsapi.adapter.events;

import static org.assessmentsapi.support.SqsEvents.batch;
import static org.assessmentsapi.support.SqsEvents.message;
import static org.assessmentsapi.support.SqsEvents.redelivery;
import static org.assessmentsapi.support.SqsEvents.updateEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.assessmentsapi.application.UpdateAssessment;
import org.assessmentsapi.domain.AssessmentChanges;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.Caller;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.Responses;
import org.assessmentsapi.support.SqsEvents;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Event-driven updates through the SQS handler, against dynalite. */
class AssessmentEventsHandlerTest extends EventsTestSupport {

    /** The documented bound: the ids of the last 8 applied events are remembered (appliedEvent1..8). */
    private static final int WINDOW = 8;

    @Test
    void theSampleSqsEventCarriesTheSampleEventBridgeEventAndIsApplied() throws Exception {
        SQSEvent sample = SqsEvents.sample();
        ObjectNode carried =
                (ObjectNode) SqsEvents.json(sample.getRecords().get(0).getBody());
        assertEquals(SqsEvents.eventBridgeSample(), carried, "the SQS sample wraps the EventBridge sample");

        String id = createAssessment();
        Map<String, AttributeValue> before = rawItem(id);
        ((ObjectNode) carried.get("detail")).put("assessmentId", id);
        sample.getRecords().get(0).setBody(carried.toString());
        Thread.sleep(5); // so that updatedAt must move

        SQSBatchResponse response = send(handler, sample);

        assertEquals(List.of(), response.getBatchItemFailures());
        Map<String, AttributeValue> after = rawItem(id);
        assertEquals("ACTION_REQUIRED", after.get("status").s());
        assertEquals("100", after.get("progress").n());
        assertEquals("72.5", after.get("overallRiskScore").n());
        assertEquals("HIGH", after.get("overallRiskLevel").s());
        assertEquals("2", after.get("version").n());
        assertTrue(Instant.parse(after.get("updatedAt").s())
                .isAfter(Instant.parse(before.get("updatedAt").s())));
        assertEquals(before.get("createdAt"), after.get("createdAt"));
        assertEquals(carried.get("id").asText(), after.get("appliedEvent1").s());
    }

    @Test
    void aMixedBatchReportsExactlyTheMessagesThatMustNotBeDeleted() {
        String applied = createAssessment();
        String conflicting = createAssessment();
        String untouched = createAssessment();
        Map<String, AttributeValue> conflictingBefore = rawItem(conflicting);
        Map<String, AttributeValue> untouchedBefore = rawItem(untouched);
        String eventId = newEventId();

        var valid = message(updateEvent(eventId, applied, "{\"progress\":40,\"overallRiskLevel\":\"LOW\"}"));
        var duplicate = message(valid.getBody()); // EventBridge delivered the same event twice
        var invalid = message(updateEvent(newEventId(), untouched, "{\"progress\":101,\"version\":2}"));
        var conflict = message(updateEvent(
                newEventId(),
                "{\"assessmentId\":\"" + conflicting + "\",\"changes\":{\"progress\":5},\"expectedVersion\":7}"));
        var unknown = message(updateEvent(newEventId(), UUID.randomUUID().toString(), "{\"progress\":5}"));
        var malformed = message("{\"id\":");
        ObjectNode otherType = (ObjectNode) SqsEvents.json(updateEvent(newEventId(), untouched, "{\"progress\":9}"));
        var wrongType =
                message(otherType.put("detail-type", "Assessment Deleted").toString());
        var secondValid = message(updateEvent(newEventId(), applied, "{\"status\":\"ANALYZING\"}"));

        SQSBatchResponse response =
                send(handler, batch(valid, invalid, duplicate, conflict, unknown, malformed, wrongType, secondValid));

        assertEquals(ids(invalid, conflict, unknown, malformed, wrongType), failedIds(response));
        Map<String, AttributeValue> after = rawItem(applied);
        assertEquals("3", after.get("version").n(), "the event and the next one, the duplicate not again");
        assertEquals("40", after.get("progress").n());
        assertEquals("LOW", after.get("overallRiskLevel").s());
        assertEquals("ANALYZING", after.get("status").s());
        assertEquals(conflictingBefore, rawItem(conflicting));
        assertEquals(untouchedBefore, rawItem(untouched));
    }

    @Test
    void aRejectedMessageIsReportedOnEveryDeliverySoThatItEndsInTheDeadLetterQueue() {
        String id = createAssessment();
        var conflict = message(updateEvent(
                newEventId(), "{\"assessmentId\":\"" + id + "\",\"changes\":{\"progress\":5},\"expectedVersion\":2}"));

        var delivery = conflict;
        for (int receive = 1; receive <= 3; receive++) {
            assertEquals(ids(conflict), failedIds(send(handler, batch(delivery))), "receive " + receive);
            delivery = redelivery(delivery);
        }
        assertEquals("1", version(id));
    }

    @Test
    void aRedeliveredMessageDoesNotBumpTheVersionTwice() {
        String id = createAssessment();
        var first = message(updateEvent(
                newEventId(),
                "{\"assessmentId\":\"" + id + "\",\"changes\":{\"overallRiskScore\":12.25},\"expectedVersion\":1}"));

        assertEquals(Set.of(), failedIds(send(handler, batch(first))));
        Map<String, AttributeValue> afterFirst = rawItem(id);
        // Lambda applied it, then failed before SQS deleted it: the same message comes back, its
        // expectedVersion now stale. It is recognised as applied, neither re-applied nor a conflict.
        SQSBatchResponse again = send(handler, batch(redelivery(first)));

        assertEquals(Set.of(), failedIds(again));
        assertEquals("2", afterFirst.get("version").n());
        assertEquals(afterFirst, rawItem(id), "nothing written: neither version nor updatedAt moved");
    }

    @Test
    void aRedeliveryIsRecognisedWhileFewerThanEightOtherEventsWereAppliedSince() {
        String id = createAssessment();
        var remembered = message(updateEvent(newEventId(), id, "{\"progress\":1}"));
        assertEquals(Set.of(), failedIds(send(handler, batch(remembered))));
        for (int i = 0; i < WINDOW - 1; i++) {
            assertEquals(
                    Set.of(),
                    failedIds(send(handler, batch(message(updateEvent(newEventId(), id, "{\"progress\":2}"))))));
        }
        assertEquals("9", version(id));

        assertEquals(Set.of(), failedIds(send(handler, batch(redelivery(remembered)))));
        assertEquals("9", version(id), "still among the last 8 applied events: not applied again");
        assertEquals(
                WINDOW,
                rawItem(id).keySet().stream()
                        .filter(a -> a.startsWith("appliedEvent"))
                        .count());

        send(handler, batch(message(updateEvent(newEventId(), id, "{\"progress\":3}"))));
        send(handler, batch(redelivery(remembered)));
        assertEquals("11", version(id), "8 newer events pushed it out of the window (the documented bound)");
        assertFalse(rawItem(id).keySet().contains("appliedEvent" + (WINDOW + 1)), "the window never grows");
    }

    @Test
    void anApiUpdateNeitherNeedsNorMovesTheEventWindow() {
        String id = createAssessment();
        String eventId = newEventId();
        send(handler, batch(message(updateEvent(eventId, id, "{\"progress\":10}"))));
        new UpdateAssessment(env.repository, java.time.Clock.systemUTC())
                .execute(
                        id,
                        new Caller.User(user),
                        new AssessmentUpdate(
                                new AssessmentChanges("Renamed", null, null, null, null, null, null),
                                OptionalLong.of(2)));

        Map<String, AttributeValue> item = rawItem(id);
        assertEquals("3", item.get("version").n());
        assertEquals(eventId, item.get("appliedEvent1").s());
        assertEquals("", item.get("appliedEvent2").s());
    }

    @Test
    void theApiNeverShowsTheEventWindow() {
        String id = createAssessment();
        send(handler, batch(message(updateEvent(newEventId(), id, "{\"overallRiskScore\":50}"))));

        var response = env.handler.handleRequest(ApiEvents.get(id, env.issuer.token(user)), null);

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = Responses.json(response);
        assertEquals(50, body.get("overallRiskScore").asInt());
        body.fieldNames().forEachRemaining(name -> assertFalse(name.startsWith("appliedEvent"), name));
        assertFalse(response.getBody().contains(rawItem(id).get("appliedEvent1").s()));
    }
}
