package org.assessmentsapi.adapter.events;

import java.time.Clock;
import java.util.Map;
import org.assessmentsapi.adapter.logging.Log;
import org.assessmentsapi.bootstrap.AppConfig;
import org.assessmentsapi.bootstrap.Application;
import org.assessmentsapi.bootstrap.DynamoDbClients;

/**
 * The events function's wiring for the Lambda runtime ({@code Application.forEvents()}, in two threads): while this
 * thread builds the DynamoDB client, a helper runs one message through a handler over the canned DynamoDB (no
 * network, no data), from the SQS event JSON to the batch response JSON, so that the first real message finds the
 * SDK's request and response path and our mapping loaded (~1,150 classes otherwise). A failure of the warm-up only
 * leaves that work to the first message; its handler lines are dropped (it is not a message of anyone's).
 */
final class EventsStartup {

    /** The warm-up is waited for at most this long. */
    static final long WARM_UP_WAIT_MILLIS = 5_000;

    private EventsStartup() {
    }

    static Application application() {
        Map<String, String> env = System.getenv();
        AppConfig config = AppConfig.forEvents(env);
        Thread warmUp = new Thread(() -> {
            try {
                Log.collecting(() -> EventsSnapStartPriming.roundsOnCannedStore(config, 1));
            } catch (RuntimeException e) {
                Log.warn(null, "start-up warm-up skipped (events): " + e);
            }
        }, "startup-events");
        warmUp.setDaemon(true);
        warmUp.start();
        try {
            return Application.withoutAuthentication(config, DynamoDbClients.create(config, env), Clock.systemUTC());
        } finally {
            try {
                warmUp.join(WARM_UP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
