package org.assessmentsapi.runtime;

import org.junit.jupiter.api.AfterAll;

/**
 * Both functions started once per test class under the runtime interface client, on one dynalite and one
 * development issuer; the environments' names start with the class's own prefix, so their logs tell them apart.
 */
abstract class BothFunctionsRunning {

    static LocalLambda lambda;
    static LocalLambda.Running api;
    static LocalLambda.Running events;

    /** Starts the environments of a test class; {@code prefix} names their logs. */
    static void startBoth(String prefix) {
        lambda = new LocalLambda();
        api = LocalLambda.start(lambda.api(), prefix + "-api");
        events = LocalLambda.start(lambda.events(), prefix + "-events");
    }

    @AfterAll
    static void stopBoth() {
        events.close();
        api.close();
        lambda.close();
    }
}
