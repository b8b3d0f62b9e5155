package org.assessmentsapi.application;

import java.util.Optional;
import java.util.OptionalLong;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.Caller;

/** What a conditional delete did, in the domain's terms: the answer of the repository and of the command. */
public sealed interface DeleteOutcome {

    record Deleted() implements DeleteOutcome {}

    /** No such assessment for this caller (a missing item and another user's item look the same). */
    record NotFound() implements DeleteOutcome {}

    /** The expected version is not the current one; nothing was deleted. */
    record VersionMismatch(long currentVersion) implements DeleteOutcome {}

    /** Why a conditional delete deleted nothing, from the item as it was: the rule of updates ({@link FailedConditions}). */
    static DeleteOutcome notDeleted(Optional<Assessment> asItWas, Caller caller) {
        OptionalLong current = FailedConditions.currentVersion(asItWas, caller);
        return current.isPresent() ? new VersionMismatch(current.getAsLong()) : new NotFound();
    }
}
