package org.assessmentsapi.adapter.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.assessmentsapi.adapter.validation.AssessmentIds;
import org.assessmentsapi.adapter.validation.FieldError;
import org.assessmentsapi.adapter.validation.RequestValidator;
import org.assessmentsapi.adapter.validation.Validated;
import org.assessmentsapi.domain.RiskLevel;
import org.assessmentsapi.support.SqsEvents;
import org.junit.jupiter.api.Test;

/** The detail of an update event is judged by the same table, with the same messages, as the API. */
class UpdateRequestedEventsTest {

    private static final String ID = "3F1C2B9E-8A4D-4C1E-9B7A-2D5E6F7A8B9C";
    private final UpdateRequestedEvents events = new UpdateRequestedEvents(new RequestValidator());

    @Test
    void theSampleEventIsValid() {
        UpdateRequested update = valid(SqsEvents.eventBridgeSample());
        assertEquals("assessments.analysis-pipeline", update.source());
        assertEquals("6a7e8feb-b491-4cf7-a9f1-bf3703467718", update.eventId());
        assertEquals(OptionalLong.of(1), update.update().expectedVersion());
        assertEquals(new BigDecimal("72.5"), update.update().changes().overallRiskScore());
        assertEquals(RiskLevel.HIGH, update.update().changes().overallRiskLevel());
    }

    @Test
    void theAssessmentIdIsNormalisedAsOnTheApi() {
        UpdateRequested update = valid(event("{\"assessmentId\":\"" + ID + "\",\"changes\":{\"progress\":5}}"));
        assertEquals(ID.toLowerCase(), update.assessmentId());
        assertEquals(OptionalLong.empty(), update.update().expectedVersion());
        assertEquals(Optional.of("e-1"), update.update().eventId());
    }

    @Test
    void everyProblemIsListedWithThePathOfItsFieldAndTheApisMessage() {
        Map<String, String> errors = errors(
                event(
                        "{\"assessmentId\":\"nope\",\"changes\":{\"progress\":101,"
                                + "\"version\":2,\"userId\":\"x\",\"overallRiskLevel\":\"SEVERE\"},\"expectedVersion\":0,\"extra\":1}"));
        assertEquals(
                Map.of(
                        "detail.assessmentId", "must be a UUID such as " + AssessmentIds.EXAMPLE,
                        "detail.changes.progress", "must be a number from 0 to 100",
                        "detail.changes.version", "cannot be set by this request",
                        "detail.changes.userId", "cannot be set by this request",
                        "detail.changes.overallRiskLevel", "must be one of LOW, MODERATE, HIGH, CRITICAL",
                        "detail.expectedVersion", "must be an integer from 1 to 9223372036854775807",
                        "detail.extra", "is not a known field"),
                errors);
    }

    @Test
    void emptyChangesAndAMissingEnvelopeAreRefused() {
        assertEquals(
                Map.of(
                        "detail.changes",
                        "provide at least one of: name, companyName, companyType, status, "
                                + "progress, overallRiskScore, overallRiskLevel"),
                errors(event("{\"assessmentId\":\"" + ID + "\",\"changes\":{}}")));
        assertEquals(
                Map.of("detail.assessmentId", "is required", "detail.changes", "is required"), errors(event("{}")));
        JsonNode bare = SqsEvents.json("{\"detail\":{\"assessmentId\":\"" + ID + "\",\"changes\":{\"progress\":1}}}");
        assertEquals(
                Map.of(
                        "id",
                        "is required",
                        "source",
                        "is required",
                        "detail-type",
                        "must be \"Assessment Update Requested\""),
                errors(bare));
    }

    private static JsonNode event(String detail) {
        return SqsEvents.json(SqsEvents.updateEvent("e-1", detail));
    }

    private UpdateRequested valid(JsonNode event) {
        Validated<UpdateRequested> result = events.read(event);
        return (UpdateRequested) assertInstanceOf(Validated.Valid.class, result, result::toString)
                .value();
    }

    private Map<String, String> errors(JsonNode event) {
        Validated<UpdateRequested> result = events.read(event);
        List<FieldError> errors =
                assertInstanceOf(Validated.Invalid.class, result).errors();
        return errors.stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
    }
}
