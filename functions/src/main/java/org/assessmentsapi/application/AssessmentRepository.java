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

    /** How many of an assessment's latest event ids are remembered, so that a redelivery is recognised. */
    int REMEMBERED_EVENTS = 8;

    /**
     * Applies {@code update} in one conditional write: the item must exist, be accessible to {@code caller},
     * when the update carries one, have the expected version and, when it carries an event id, not have
     * applied that event yet (among the last {@link #REMEMBERED_EVENTS} events applied to it). On success the
     * assessment as it now is, with every provided field set, {@code updatedAt = now} and the version one
     * higher; otherwise nothing is written, and the answer is {@link UpdateOutcome.AlreadyApplied} when the
     * item records the event id, else {@link UpdateOutcome#notApplied} of the item as it was.
     */
    UpdateOutcome update(String id, Caller caller, AssessmentUpdate update, Instant now);

    /** Stores a new assessment; false when an item with its id already exists. */
    boolean create(Assessment assessment);

    /** A strongly consistent read. */
    Optional<Assessment> find(String id);
}
