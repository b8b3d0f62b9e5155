package org.assessmentsapi.application;

import java.time.Instant;
import java.util.Optional;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.Caller;

/**
 * Where assessments are stored. Implementations throw {@link StoreUnavailableException} for failures
 * worth retrying later (throttling, timeouts, 5xx) and let anything else propagate.
 */
public interface AssessmentRepository {

    /**
     * Applies {@code update} in one conditional write: the item must exist, be accessible to
     * {@code caller} and, when the update carries one, have the expected version.
     */
    UpdateResult update(String id, Caller caller, AssessmentUpdate update, Instant now);

    /** Stores a new assessment; false when an item with its id already exists. */
    boolean create(Assessment assessment);

    /** A strongly consistent read. */
    Optional<Assessment> find(String id);
}
