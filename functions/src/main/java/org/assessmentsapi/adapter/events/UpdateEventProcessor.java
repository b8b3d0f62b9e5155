package org.assessmentsapi.adapter.events;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Collectors;
import org.assessmentsapi.adapter.validation.RequestValidator;
import org.assessmentsapi.adapter.validation.StrictJson;
import org.assessmentsapi.adapter.validation.Validated;
import org.assessmentsapi.application.StoreUnavailableException;
import org.assessmentsapi.application.UpdateAssessment;
import org.assessmentsapi.application.UpdateOutcome;
import org.assessmentsapi.domain.Caller;

/**
 * Applies one SQS message whose body is an "Assessment Update Requested" EventBridge event: the same
 * validator and the same update command as the PUT route, with the event's id as idempotency key and
 * its {@code source} as the internal caller.
 */
final class UpdateEventProcessor {

    private final UpdateRequestedEvents events;
    private final UpdateAssessment updateAssessment;

    UpdateEventProcessor(RequestValidator validator, UpdateAssessment updateAssessment) {
        this.events = new UpdateRequestedEvents(validator);
        this.updateAssessment = updateAssessment;
    }

    MessageOutcome process(String body) {
        JsonNode event;
        try {
            event = StrictJson.read(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return new MessageOutcome.Rejected("the body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        Validated<UpdateRequested> validated = events.read(event);
        return switch (validated) {
            case Validated.Invalid<UpdateRequested>(var errors) ->
                new MessageOutcome.Rejected("invalid event: "
                        + errors.stream()
                                .map(e -> (e.field() == null ? "" : e.field() + " ") + e.message())
                                .collect(Collectors.joining("; ")));
            case Validated.Valid<UpdateRequested>(var valid) -> apply(valid);
        };
    }

    private MessageOutcome apply(UpdateRequested event) {
        String about = "event " + event.eventId() + " for assessment " + event.assessmentId();
        UpdateOutcome outcome;
        try {
            outcome = updateAssessment.execute(
                    event.assessmentId(), new Caller.InternalService(event.source()), event.update());
        } catch (StoreUnavailableException e) {
            return new MessageOutcome.Retry(about + ": " + e.getMessage());
        }
        return switch (outcome) {
            case UpdateOutcome.Updated(var updated) -> new MessageOutcome.Applied(event.eventId(), updated);
            case UpdateOutcome.AlreadyApplied(var current) ->
                new MessageOutcome.AlreadyApplied(event.eventId(), current);
            case UpdateOutcome.VersionConflict(long currentVersion) ->
                new MessageOutcome.Rejected(about + ": version conflict, expected version "
                        + event.update().expectedVersion().getAsLong() + " but the assessment is at " + currentVersion);
            case UpdateOutcome.NotFound() -> new MessageOutcome.Rejected(about + ": no such assessment");
        };
    }
}
