package org.assessmentsapi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar in a fresh JVM, constructed as the Lambda runtime does (no-arg constructor, configuration from
 * the environment) against dynalite and a local JWKS: it serves a real PUT, and after its SnapStart hook the
 * first real PUT loads few classes (a count of the JVM's loaded classes, deterministic; no timing). The same for
 * the events function: after its hook, the first real SQS message loads few classes and updates its item.
 */
class ShadedJarIT {

    /** The priming goal: what the first real request still loads after beforeCheckpoint + afterRestore. */
    static final int MAX_CLASSES_AFTER_PRIMING = 50;

    static Fixture fixture;

    @BeforeAll
    static void start() {
        fixture = Fixture.start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void servesAPutEndToEndFromTheShadedJar() {
        Child child = Cold.launch(fixture, Paths.functionsJar(), Cold.OURS, "it-put", List.of());
        assertEquals("200", child.fields().get("status"), child.line());
    }

    @Test
    void afterPrimingTheFirstRealPutLoadsAtMostFiftyClasses() {
        String id = fixture.newItem();
        Path event = fixture.writeEvent("put-assessment.json", id);
        Child primed = Cold.launchEvent(fixture, Paths.functionsJar(), Cold.OURS, "it-primed", List.of(), event, List.of("prime"));
        assertEquals("200", primed.fields().get("status"), primed.line());
        long loaded = (long) primed.number("classes_first_invoke");
        assertTrue(loaded <= MAX_CLASSES_AFTER_PRIMING, "the first PUT after priming loaded " + loaded + " classes");
    }

    @Test
    void afterPrimingTheEventsFunctionsFirstRealSqsMessageLoadsAtMostFiftyClassesAndUpdatesTheItem() {
        String id = fixture.newItem();
        assertEquals(1, fixture.version(id));
        Path event = fixture.writeEvent(Priming.SQS_EVENT, id);
        Child primed = Cold.launchEvent(fixture, Paths.functionsJar(), Cold.EVENTS, "it-events-primed", List.of(), event, List.of("prime"));
        assertEquals("batch", primed.fields().get("status"), primed.line());
        assertEquals("0", primed.fields().get("batch_item_failures"), "the message was applied, not reported: " + primed.line());
        assertEquals(2, fixture.version(id), "the real message moves the item from version 1 to 2");
        long loaded = (long) primed.number("classes_first_invoke");
        assertTrue(loaded <= MAX_CLASSES_AFTER_PRIMING, "the first SQS message after priming loaded " + loaded + " classes");
    }
}
