package org.assessmentsapi.application;

import java.util.Optional;
import java.util.OptionalLong;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.Caller;

/** What an update did, in the domain's terms: the answer of the repository's conditional write and of the command. */
public sealed interface UpdateOutcome {

    record Updated(Assessment assessment) implements UpdateOutcome {}

    /**
     * The update's event was applied before (a redelivery): nothing was written again. Only updates that
     * carry an event id can end so; an API update never does.
     */
    record AlreadyApplied(Assessment current) implements UpdateOutcome {}

    /** No such assessment for this caller (a missing item and another user's item look the same). */
    record NotFound() implements UpdateOutcome {}

    /** The client's version is stale; {@code currentVersion} lets it refresh and re-apply. */
    record VersionConflict(long currentVersion) implements UpdateOutcome {}

    /**
     * Why a conditional update whose event (if any) was not applied before wrote nothing, from the item as it
     * was: the rule of deletes ({@link FailedConditions}).
     */
    static UpdateOutcome notApplied(Optional<Assessment> asItWas, Caller caller) {
        OptionalLong current = FailedConditions.currentVersion(asItWas, caller);
        return current.isPresent() ? new VersionConflict(current.getAsLong()) : new NotFound();
    }
}
