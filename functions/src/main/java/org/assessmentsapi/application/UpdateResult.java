package org.assessmentsapi.application;

import java.util.Optional;
import org.assessmentsapi.domain.Assessment;

/** What the store did with a conditional update. */
public sealed interface UpdateResult {

    /** The write happened; the assessment as it now is. */
    record Applied(Assessment assessment) implements UpdateResult {
    }

    /**
     * Nothing was written because the item already records the update's event id: the same event was
     * applied before (a redelivery). {@code current} is the item as it is now.
     */
    record AlreadyApplied(Assessment current) implements UpdateResult {
    }

    /** The condition failed for another reason and nothing was written; the item as it was, if any. */
    record ConditionFailed(Optional<Assessment> current) implements UpdateResult {
    }
}
