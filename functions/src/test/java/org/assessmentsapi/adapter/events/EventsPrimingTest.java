package org.assessmentsapi.adapter.events;

import static org.assessmentsapi.support.SqsEvents.batch;
import static org.assessmentsapi.support.SqsEvents.message;
import static org.assessmentsapi.support.SqsEvents.updateEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assessmentsapi.adapter.logging.Log;
import org.assessmentsapi.adapter.validation.RequestValidator;
import org.assessmentsapi.application.AssessmentRepository;
import org.assessmentsapi.application.UpdateAssessment;
import org.assessmentsapi.bootstrap.AppConfig;
import org.assessmentsapi.bootstrap.DynamoDbClients;
import org.assessmentsapi.bootstrap.EventsFunction;
import org.assessmentsapi.bootstrap.EventsPriming;
import org.assessmentsapi.bootstrap.Wiring;
import org.assessmentsapi.devkit.AssessmentsTable;
import org.assessmentsapi.support.CallRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The events function's SnapStart hook runs the real message path (one conditional UpdateItem on the reserved
 * id) without ever writing, survives an unreachable store and a failing handler, and leaves the handler working.
 * On a table of its own, so that whole-table comparisons see no other test's writes.
 */
class EventsPrimingTest extends EventsTestSupport {

    private static final String TABLE = "events-priming";
    private static final String EXPECTED_OUTCOME =
            "message snapstart-priming ran through the handler and was not " + "applied, as designed (nothing written)";

    private final CallRecorder recorder = new CallRecorder();
    private final AssessmentRepository repository = onOwnTable();
    private final AssessmentEventsHandler primed = Wiring.events(repository, Clock.systemUTC());

    private AssessmentRepository onOwnTable() {
        AssessmentsTable.createIfMissing(env.dynamoDb, TABLE);
        return Wiring.repository(eventsConfig(TABLE), env.clientWith(recorder));
    }

    /** The priming as the function's start-up makes it, of {@code handler}. */
    private EventsPriming primingOf(AssessmentEventsHandler handler) {
        return EventsFunction.priming(eventsConfig(TABLE), Map.of(), handler);
    }

    @AfterEach
    void noItemWithTheReservedIdIsLeft() {
        env.dynamoDb.deleteItem(
                b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(EventsPriming.PRIMING_ID))));
    }

    @Test
    void primingRunsOneConditionalUpdateOnTheReservedIdAndLeavesEveryItemUnchanged() {
        String id = createAssessment(repository);
        // A real item as events leave it: a newer version and an applied-event slot.
        assertEquals(
                Set.of(), failedIds(send(primed, batch(message(updateEvent(newEventId(), id, "{\"progress\":10}"))))));
        List<String> before = env.scan(TABLE);
        assertFalse(before.isEmpty());
        recorder.clear();

        EventsPriming priming = primingOf(primed);
        priming.beforeCheckpoint(null);
        priming.afterRestore(null);

        assertEquals(EXPECTED_OUTCOME, priming.lastOutcome());
        // The whole path ran down to the store: the UpdateItem failed its condition, one consistent read classified it.
        assertEquals(List.of("UpdateItem", "GetItem"), recorder.operations());
        UpdateItemRequest update = (UpdateItemRequest) recorder.requests().get(0);
        assertEquals(
                AttributeValue.fromS(EventsPriming.PRIMING_ID), update.key().get("id"));
        assertTrue(
                update.expressionAttributeValues()
                        .containsValue(AttributeValue.fromN(Long.toString(EventsPriming.IMPOSSIBLE_VERSION))),
                update.toString());
        assertTrue(
                update.expressionAttributeValues().containsValue(AttributeValue.fromS(EventsPriming.PRIMING_EVENT_ID)));
        assertTrue(update.conditionExpression().startsWith("attribute_exists("), update.conditionExpression());
        assertEquals(before, env.scan(TABLE), "priming must not change any stored item");
        assertTrue(env.rawItem(TABLE, EventsPriming.PRIMING_ID).isEmpty(), "priming must not create the reserved id");
    }

    @Test
    void primingLogsOneInfoLineThatSaysItWasPrimingAndNothingThatReadsLikeAnIncident() {
        Log.Collected<String> primedOnce =
                Log.collecting(() -> primingOf(primed).prime());

        assertEquals(1, primedOnce.lines().size(), primedOnce.lines().toString());
        Log.Line line = primedOnce.lines().get(0);
        assertEquals("INFO", line.level());
        assertTrue(
                line.json().contains("SnapStart priming of the events function done: " + EXPECTED_OUTCOME),
                line.json());
        assertFalse(line.json().contains("dead-letter"), line.json());
    }

    @Test
    void theBuiltInEventIsValidAndEndsAsNoSuchAssessment() {
        MessageOutcome outcome = new UpdateEventProcessor(
                        new RequestValidator(), new UpdateAssessment(repository, Clock.systemUTC()))
                .process(EventsPriming.body());

        assertEquals(
                new MessageOutcome.Rejected("event " + EventsPriming.PRIMING_EVENT_ID + " for assessment "
                        + EventsPriming.PRIMING_ID + ": no such assessment"),
                outcome);
    }

    @Test
    void evenAnItemWithTheReservedIdIsNotChangedWhetherOrNotItRecordsThePrimingEvent() {
        // The version condition fails on any reachable version; the applied-event condition can only refuse more.
        for (String applied : List.of("another-event", EventsPriming.PRIMING_EVENT_ID)) {
            Map<String, AttributeValue> item = Map.of(
                    "id", AttributeValue.fromS(EventsPriming.PRIMING_ID),
                    "userId", AttributeValue.fromS("someone"),
                    "name", AttributeValue.fromS("kept"),
                    "version", AttributeValue.fromN("1"),
                    "appliedEvent1", AttributeValue.fromS(applied));
            env.dynamoDb.putItem(b -> b.tableName(TABLE).item(item));

            primingOf(primed).prime();

            assertEquals(item, env.rawItem(TABLE, EventsPriming.PRIMING_ID), "with appliedEvent1 = " + applied);
        }
    }

    @Test
    void primingAgainstAnUnreachableStoreDoesNotThrowAndReportsTheMessageForRetry() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AppConfig config =
                AppConfig.forEvents(Map.of("TABLE_NAME", TABLE, "DYNAMODB_ENDPOINT", "http://127.0.0.1:" + closedPort));
        EventsPriming priming = EventsFunction.priming(
                config, Map.of(), Wiring.events(config, DynamoDbClients.create(config, Map.of()), Clock.systemUTC()));

        priming.beforeCheckpoint(null);
        priming.afterRestore(null);

        // The handler turned the store failure into a retry, as on a real message: priming completed.
        assertEquals(EXPECTED_OUTCOME, priming.lastOutcome());
    }

    @Test
    void anErrorEscapingTheHandlerIsCaughtAndLogged() {
        ExecutionInterceptor broken = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                throw new NoClassDefFoundError("injected");
            }
        };
        EventsPriming priming =
                primingOf(Wiring.events(eventsConfig(TABLE), env.clientWith(broken), Clock.systemUTC()));

        priming.beforeCheckpoint(null); // the handler catches RuntimeException only: this Error reaches the priming

        assertTrue(
                priming.lastOutcome().startsWith("failed: java.lang.NoClassDefFoundError: injected"),
                priming.lastOutcome());
    }

    @Test
    void afterPrimingTheHandlerAppliesARealMessageExactlyOnce() {
        String id = createAssessment(repository);
        primingOf(primed).beforeCheckpoint(null);
        primingOf(primed).afterRestore(null);

        var real = message(updateEvent(newEventId(), id, "{\"progress\":55,\"overallRiskLevel\":\"MODERATE\"}"));
        assertEquals(Set.of(), failedIds(send(primed, batch(real))));

        Map<String, AttributeValue> after = env.rawItem(TABLE, id);
        assertEquals("2", after.get("version").n());
        assertEquals("55", after.get("progress").n());
        assertEquals("MODERATE", after.get("overallRiskLevel").s());
    }
}
