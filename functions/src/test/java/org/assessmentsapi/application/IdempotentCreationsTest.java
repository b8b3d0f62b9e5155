package org.assessmentsapi.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.assessmentsapi.domain.IdempotencyKey;
import org.assessmentsapi.domain.IntakeMode;
import org.assessmentsapi.domain.NewAssessment;
import org.junit.jupiter.api.Test;

/** The derived id and the request fingerprint tell exactly what they must tell apart. */
class IdempotentCreationsTest {

    private static final NewAssessment REQUEST = new NewAssessment("Q1", "Acme", null, "DE", IntakeMode.UPLOAD);

    @Test
    void theIdIsAStableVersion8UuidOfUserAndKey() {
        String id = IdempotentCreations.id("auth0|alice", new IdempotencyKey("k1"));
        assertEquals(id, IdempotentCreations.id("auth0|alice", new IdempotencyKey("k1")));
        assertEquals(8, UUID.fromString(id).version());
        assertEquals(2, UUID.fromString(id).variant());
        assertNotEquals(id, IdempotentCreations.id("auth0|bob", new IdempotencyKey("k1")));
        assertNotEquals(id, IdempotentCreations.id("auth0|alice", new IdempotencyKey("k2")));
        // length prefixes: moving characters between user and key gives another id
        assertNotEquals(
                IdempotentCreations.id("ab", new IdempotencyKey("c")),
                IdempotentCreations.id("a", new IdempotencyKey("bc")));
    }

    @Test
    void theFingerprintCoversEveryFieldAndTheUser() {
        String fingerprint = IdempotentCreations.fingerprint("auth0|alice", REQUEST);
        assertEquals(
                fingerprint,
                IdempotentCreations.fingerprint(
                        "auth0|alice", new NewAssessment("Q1", "Acme", null, "DE", IntakeMode.UPLOAD)));
        for (NewAssessment other : new NewAssessment[] {
            new NewAssessment("Q2", "Acme", null, "DE", IntakeMode.UPLOAD),
            new NewAssessment("Q1", "Acme2", null, "DE", IntakeMode.UPLOAD),
            new NewAssessment("Q1", "Acme", "", "DE", IntakeMode.UPLOAD),
            new NewAssessment("Q1", "Acme", null, null, IntakeMode.UPLOAD),
            new NewAssessment("Q1", "Acme", null, "DE", IntakeMode.MANUAL_ENTRY)
        }) {
            assertNotEquals(fingerprint, IdempotentCreations.fingerprint("auth0|alice", other), other.toString());
        }
        assertNotEquals(fingerprint, IdempotentCreations.fingerprint("auth0|bob", REQUEST));
    }
}
