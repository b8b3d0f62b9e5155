package org.assessmentsapi.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.AssessmentStatus;
import org.assessmentsapi.domain.Caller;
import org.assessmentsapi.domain.IntakeMode;
import org.junit.jupiter.api.Test;

/** How a failed condition is explained, from the item as it was. */
class UpdateOutcomeTest {

    private static final Caller.User OWNER = new Caller.User("auth0|owner");

    @Test
    void missingItemIsNotFound() {
        assertEquals(new UpdateOutcome.NotFound(), UpdateOutcome.notApplied(Optional.empty(), OWNER));
    }

    @Test
    void anotherUsersItemIsNotFoundSoItsExistenceIsNotRevealed() {
        assertEquals(
                new UpdateOutcome.NotFound(),
                UpdateOutcome.notApplied(Optional.of(stored(4)), new Caller.User("auth0|other")));
    }

    @Test
    void ownItemMeansTheVersionWasStale() {
        assertEquals(new UpdateOutcome.VersionConflict(4), UpdateOutcome.notApplied(Optional.of(stored(4)), OWNER));
    }

    @Test
    void internalServicesSeeConflictsOnAnyItem() {
        assertEquals(
                new UpdateOutcome.VersionConflict(4),
                UpdateOutcome.notApplied(Optional.of(stored(4)), new Caller.InternalService("analysis")));
    }

    private static Assessment stored(long version) {
        Instant t = Instant.parse("2026-03-04T14:20:00.000Z");
        return new Assessment(
                "id",
                "n",
                "c",
                null,
                null,
                AssessmentStatus.DRAFT,
                IntakeMode.UPLOAD,
                BigDecimal.ZERO,
                version,
                null,
                null,
                "auth0|owner",
                t,
                t);
    }
}
