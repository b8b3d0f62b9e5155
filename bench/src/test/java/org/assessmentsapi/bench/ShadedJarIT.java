package org.assessmentsapi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.assessmentsapi.devkit.lambda.TaskRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar under AWS's runtime interface client, in a fresh environment as the benchmark starts it, against
 * dynalite and a local JWKS: with SnapStart (priming, then {@code restore/next}), the first real invocation loads
 * few classes, the runtime's own event handling included (a count from the class-load log, deterministic; no
 * timing). For both functions: a real PUT; a real SQS message that updates its item.
 */
class ShadedJarIT {

    /** The priming goal: what the first real invocation still loads after SnapStart's priming and restore. */
    static final int MAX_CLASSES_AFTER_PRIMING = 10;

    static Fixture fixture;
    static TaskRoot root;

    @BeforeAll
    static void start() {
        fixture = Fixture.start();
        root = TaskRoot.unpack(Paths.functionsJar());
    }

    @AfterAll
    static void stop() {
        root.close();
        fixture.close();
    }

    @Test
    void afterPrimingTheFirstRealPutLoadsAtMostTenClasses() {
        RuntimeRun primed = Priming.serve(fixture, root, Cold.OURS, Priming.API_EVENT, "it-api-snapstart", true);
        assertEquals(200, primed.status(), primed.answer().body());
        long loaded = primed.classesFirstInvocation();
        assertTrue(
                loaded >= 0 && loaded <= MAX_CLASSES_AFTER_PRIMING,
                "the first PUT after priming loaded " + loaded + " classes");
    }

    @Test
    void afterPrimingTheEventsFunctionsFirstRealSqsMessageLoadsAtMostTenClassesAndUpdatesTheItem() {
        // Priming.serve checks that the message was applied: no batch item failure, the item from version 1 to 2.
        RuntimeRun primed = Priming.serve(fixture, root, Cold.EVENTS, Priming.SQS_EVENT, "it-events-snapstart", true);
        long loaded = primed.classesFirstInvocation();
        assertTrue(
                loaded >= 0 && loaded <= MAX_CLASSES_AFTER_PRIMING,
                "the first SQS message after priming loaded " + loaded + " classes");
    }
}
