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
 * first real PUT loads few classes (a count of the JVM's loaded classes, deterministic; no timing).
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
}
