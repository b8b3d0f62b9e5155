package org.assessmentsapi.adapter.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.assessmentsapi.adapter.validation.AssessmentField;
import org.assessmentsapi.adapter.validation.FieldError;
import org.assessmentsapi.adapter.validation.FieldRule;
import org.assessmentsapi.adapter.validation.RequestSchema;
import org.assessmentsapi.adapter.validation.RequestValidator;
import org.assessmentsapi.adapter.validation.Validated;
import org.assessmentsapi.domain.AssessmentChanges;
import org.assessmentsapi.domain.AssessmentUpdate;

/**
 * Reads the EventBridge envelope of an "Assessment Update Requested" event: {@code id} (the idempotency key),
 * {@code source} (the internal caller), {@code detail-type}, and a {@code detail} of {@code {"assessmentId",
 * "changes", "expectedVersion"?}}. Any other key of the envelope (version, account, time, region, resources) is
 * EventBridge's and is ignored. {@code changes} is judged by the validator with {@link RequestSchema#SERVICE_UPDATE},
 * with the API's rules and messages, {@code expectedVersion} by the rule of the API's {@code version}; errors
 * name their field by its path in the event, e.g. {@code detail.changes.progress}.
 */
final class UpdateRequestedEvents {

    private static final FieldRule EVENT_ID = new FieldRule.Text(1, 128);
    private static final FieldRule EVENT_SOURCE = new FieldRule.Text(1, 256);
    private static final FieldRule ASSESSMENT_ID = new FieldRule.Uuid();
    private static final Set<String> DETAIL_FIELDS = Set.of("assessmentId", "changes", "expectedVersion");

    private final RequestValidator validator;

    UpdateRequestedEvents(RequestValidator validator) {
        this.validator = validator;
    }

    Validated<UpdateRequested> read(JsonNode event) {
        if (event == null || !event.isObject()) {
            return new Validated.Invalid<>(List.of(new FieldError(null, "the event must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        Object eventId = EVENT_ID.requiredIn(event, "id", "id", errors);
        Object source = EVENT_SOURCE.requiredIn(event, "source", "source", errors);
        JsonNode detailType = event.get("detail-type");
        if (detailType == null || !UpdateRequested.DETAIL_TYPE.equals(detailType.textValue())) {
            errors.add(new FieldError("detail-type", "must be \"" + UpdateRequested.DETAIL_TYPE + "\""));
        }
        JsonNode detail = event.get("detail");
        if (detail == null || !detail.isObject()) {
            errors.add(new FieldError("detail", "must be a JSON object"));
            return new Validated.Invalid<>(errors);
        }
        detail.fieldNames().forEachRemaining(name -> {
            if (!DETAIL_FIELDS.contains(name)) {
                errors.add(new FieldError("detail." + name, "is not a known field"));
            }
        });
        Object assessmentId = ASSESSMENT_ID.requiredIn(detail, "assessmentId", "detail.assessmentId", errors);
        OptionalLong expectedVersion = OptionalLong.empty();
        if (detail.has("expectedVersion")) { // optional: without it, the update applies to any version
            Long version = (Long) AssessmentField.VERSION
                    .rule()
                    .requiredIn(detail, "expectedVersion", "detail.expectedVersion", errors);
            expectedVersion = version == null ? OptionalLong.empty() : OptionalLong.of(version);
        }
        AssessmentChanges changes = changes(detail.get("changes"), errors);
        if (!errors.isEmpty()) {
            return new Validated.Invalid<>(errors);
        }
        return new Validated.Valid<>(new UpdateRequested(
                (String) source,
                (String) assessmentId,
                new AssessmentUpdate(changes, expectedVersion, Optional.of((String) eventId))));
    }

    /** The {@code changes} of an event, judged exactly as a service update; null with errors if invalid. */
    private AssessmentChanges changes(JsonNode changes, List<FieldError> errors) {
        if (changes == null || !changes.isObject()) {
            errors.add(new FieldError("detail.changes", changes == null ? "is required" : "must be a JSON object"));
            return null;
        }
        Validated<AssessmentUpdate> update = validator.validateUpdate(changes, RequestSchema.SERVICE_UPDATE);
        return switch (update) {
            case Validated.Invalid<AssessmentUpdate>(var invalid) -> {
                invalid.forEach(e -> errors.add(new FieldError(
                        e.field() == null ? "detail.changes" : "detail.changes." + e.field(), e.message())));
                yield null;
            }
            case Validated.Valid<AssessmentUpdate>(var valid) -> valid.changes();
        };
    }
}
