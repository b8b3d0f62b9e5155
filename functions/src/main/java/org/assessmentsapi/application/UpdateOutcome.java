package org.assessmentsapi.application;

import org.assessmentsapi.domain.Assessment;

/** The result of the update command, in the domain's terms. */
public sealed interface UpdateOutcome {

    record Updated(Assessment assessment) implements UpdateOutcome {
    }

    /**
     * The update's event was applied before (a redelivery): nothing was written again. Only updates that
     * carry an event id can end so; an API update never does.
     */
    record AlreadyApplied(Assessment current) implements UpdateOutcome {
    }

    /** No such assessment for this caller (a missing item and another user's item look the same). */
    record NotFound() implements UpdateOutcome {
    }

    /** The client's version is stale; {@code currentVersion} lets it refresh and re-apply. */
    record VersionConflict(long currentVersion) implements UpdateOutcome {
    }
}
