package org.assessmentsapi.application;

import java.util.Optional;
import org.assessmentsapi.domain.Assessment;

/** What the store did with a conditional update. */
public sealed interface UpdateResult {

    /** The write happened; the assessment as it now is. */
    record Applied(Assessment assessment) implements UpdateResult {
    }

    /** The condition failed and nothing was written; the item as it was, if any. */
    record ConditionFailed(Optional<Assessment> current) implements UpdateResult {
    }
}
