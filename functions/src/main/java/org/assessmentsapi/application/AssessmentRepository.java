package org.assessmentsapi.application;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
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

    /**
     * Stores a new assessment with the fingerprint of the request that created it, in one conditional write that
     * succeeds only when no item has its id; otherwise reports the item as it is, with its stored fingerprint.
     * The fingerprint is kept on the item and never returned as part of an assessment.
     */
    CreateOnceResult createOnce(Assessment assessment, String fingerprint);

    /** A strongly consistent read. */
    Optional<Assessment> find(String id);

    /**
     * One page of {@code userId}'s assessments that match {@code query}, newest {@code updatedAt} first, starting
     * after {@code after}: one store query of at most {@code query.limit()} items, read from an eventually
     * consistent index, so a write of the last moments may not show yet. With a status filter the limit counts the
     * items read before filtering: a page may hold fewer items (even none) and still have a next position.
     */
    AssessmentPage list(String userId, ListQuery query, Optional<PagePosition> after);

    /**
     * Deletes in one conditional write: the item must exist, be accessible to {@code caller} and, when given, be
     * at {@code expectedVersion}. A refusal is explained by {@link DeleteOutcome#notDeleted}.
     */
    DeleteOutcome delete(String id, Caller caller, OptionalLong expectedVersion);
}
