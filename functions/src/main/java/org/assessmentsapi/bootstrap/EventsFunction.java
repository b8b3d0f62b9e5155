package org.assessmentsapi.bootstrap;

import org.assessmentsapi.adapter.logging.Telemetry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.assessmentsapi.adapter.events.AssessmentEventsHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The events function's start-up, what {@code new AssessmentEventsHandler()} runs on Lambda: the store's
 * configuration from the environment (no JWT settings: the function has no users), the handler from
 * {@link Wiring}, and its SnapStart priming registered ({@link EventsPriming}).
 */
public final class EventsFunction {

    private EventsFunction() {
    }

    /** The events function's handler for this environment. */
    public static AssessmentEventsHandler fromEnvironment(Map<String, String> env) {
        AppConfig config = AppConfig.forEvents(env);
        Telemetry telemetry = Telemetry.of(config.metricsNamespace());
        AssessmentEventsHandler handler = Wiring.events(Wiring.repository(config, DynamoDbClients.create(config, env)),
                Clock.systemUTC(), telemetry);
        PrimingResource.register(priming(config, env, handler), telemetry.coldStart());
        return handler;
    }

    /** The SnapStart priming of {@code handler}, the one built for this configuration. */
    public static EventsPriming priming(AppConfig config, Map<String, String> env, AssessmentEventsHandler handler) {
        return new EventsPriming(handler, () -> rehearseOnCannedStore(config, env));
    }

    /**
     * The priming message through a handler over the canned DynamoDB, where its update applies (the success
     * path's mapping and log line); the handler and its client are discarded.
     */
    static String rehearseOnCannedStore(AppConfig config, Map<String, String> env) throws Exception {
        try (DynamoDbClient canned = DynamoDbClients.create(config, env,
                new CannedDynamoDb(PrimingResource.PRIMING_ID, EventsPriming.PRIMING_SOURCE))) {
            AssessmentEventsHandler handler = Wiring.events(config, canned, Clock.systemUTC());
            List<String> notDone = Rehearsal.events(handler, EventsPriming.PRIMING_MESSAGE_ID, EventsPriming.body());
            return notDone.isEmpty() ? "applied on the canned DynamoDB" : "not applied on the canned DynamoDB: " + notDone;
        }
    }
}
