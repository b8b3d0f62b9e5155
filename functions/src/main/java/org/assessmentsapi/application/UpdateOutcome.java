package org.assessmentsapi.application;

import org.assessmentsapi.domain.Assessment;

/** The result of the update command, in the domain's terms. */
public sealed interface UpdateOutcome {

    record Updated(Assessment assessment) implements UpdateOutcome {
    }

    /** No such assessment for this caller (a missing item and another user's item look the same). */
    record NotFound() implements UpdateOutcome {
    }

    /** The client's version is stale; {@code currentVersion} lets it refresh and re-apply. */
    record VersionConflict(long currentVersion) implements UpdateOutcome {
    }
}
