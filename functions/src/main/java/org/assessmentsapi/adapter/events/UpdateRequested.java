package org.assessmentsapi.adapter.events;

import org.assessmentsapi.domain.AssessmentUpdate;

/**
 * An "Assessment Update Requested" EventBridge event, validated: who sent it (the event's {@code source}), which
 * assessment it changes, and the update, which carries the event id for idempotency.
 */
public record UpdateRequested(String source, String assessmentId, AssessmentUpdate update) {

    /** The EventBridge {@code detail-type} of these events. */
    public static final String DETAIL_TYPE = "Assessment Update Requested";

    public String eventId() {
        return update.eventId().orElseThrow();
    }
}
