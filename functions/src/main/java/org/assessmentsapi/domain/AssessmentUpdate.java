package org.assessmentsapi.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A validated update: the fields to set, for optimistic locking the version the client last saw, and
 * for an update requested by an event, the event's id, which makes applying it idempotent (a repeat of
 * the same event id is recognised and not applied twice). API updates carry no event id.
 */
public record AssessmentUpdate(AssessmentChanges changes, OptionalLong expectedVersion, Optional<String> eventId) {

    public AssessmentUpdate {
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(eventId, "eventId");
    }

    /** An update without an event id: what the API sends. */
    public AssessmentUpdate(AssessmentChanges changes, OptionalLong expectedVersion) {
        this(changes, expectedVersion, Optional.empty());
    }
}
