package org.assessmentsapi.bootstrap;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.assessmentsapi.adapter.events.AssessmentEventsHandler;
import org.assessmentsapi.adapter.logging.Log;
import org.assessmentsapi.adapter.logging.Telemetry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The events function's start-up, what {@code new AssessmentEventsHandler()} runs on Lambda: the store's
 * configuration from the environment (no JWT settings: the function has no users), the handler from
 * {@link Wiring}, and its SnapStart priming registered ({@link EventsPriming}).
 */
public final class EventsFunction {

    private EventsFunction() {}

    /** The events function's handler for this environment. */
    public static AssessmentEventsHandler fromEnvironment(Map<String, String> env) {
        AppConfig config = AppConfig.forEvents(env);
        // While this thread builds the client, a helper runs one message over the canned DynamoDB: the first real
        // message then finds the SDK's request and response path loaded (~1,100 classes otherwise). Measured under
        // the runtime client on one core: 596 against 657 ms to the first answer, for ~20 ms more CPU
        // (docs/benchmarks.md, "Cold start").
        Thread warmUp = ApiFunction.start(
                "startup-message",
                () -> Log.collecting(() -> rounds(config, env, 1)).result());
        try {
            Telemetry telemetry = Telemetry.of(config.metricsNamespace());
            AssessmentEventsHandler handler = Wiring.events(
                    Wiring.repository(config, DynamoDbClients.create(config, env)), Clock.systemUTC(), telemetry);
            PrimingResource.register(priming(config, env, handler), telemetry.coldStart());
            return handler;
        } finally {
            ApiFunction.join(warmUp);
        }
    }

    /** The SnapStart priming of {@code handler}, the one built for this configuration. */
    public static EventsPriming priming(AppConfig config, Map<String, String> env, AssessmentEventsHandler handler) {
        return new EventsPriming(
                handler,
                () -> rehearseOnCannedStore(config, env) + "; "
                        + Log.collecting(() -> rounds(config, env, PrimingResource.EVENTS_ROUNDS))
                                .result());
    }

    /**
     * The priming message through a handler over the canned DynamoDB, where its update applies (the success
     * path's mapping and log line); the handler and its client are discarded.
     */
    static String rehearseOnCannedStore(AppConfig config, Map<String, String> env) throws Exception {
        try (DynamoDbClient canned = DynamoDbClients.create(
                config, env, new CannedDynamoDb(PrimingResource.PRIMING_ID, EventsPriming.PRIMING_SOURCE))) {
            AssessmentEventsHandler handler = Wiring.events(config, canned, Clock.systemUTC());
            List<String> notDone = Rehearsal.events(handler, EventsPriming.PRIMING_MESSAGE_ID, EventsPriming.body());
            return notDone.isEmpty()
                    ? "applied on the canned DynamoDB"
                    : "not applied on the canned DynamoDB: " + notDone;
        }
    }

    /**
     * {@code wanted} priming messages through the stream entry point of a handler over the canned DynamoDB (no
     * network, no data), where each update applies: for the priming, {@link PrimingResource#EVENTS_ROUNDS} of them,
     * so that C2 code of the whole path is in the snapshot; one for the start-up warm-up. The handler's lines are
     * the caller's to keep or drop.
     */
    static String rounds(AppConfig config, Map<String, String> env, int wanted) {
        try (DynamoDbClient canned = DynamoDbClients.create(
                config, env, new CannedDynamoDb(PrimingResource.PRIMING_ID, EventsPriming.PRIMING_SOURCE))) {
            AssessmentEventsHandler handler = Wiring.events(config, canned, Clock.systemUTC());
            byte[] event = Rehearsal.sqsEvent(EventsPriming.PRIMING_MESSAGE_ID, EventsPriming.body());
            return Rehearsal.repeat(wanted, round -> handler, event) + " messages on the canned DynamoDB";
        }
    }
}
