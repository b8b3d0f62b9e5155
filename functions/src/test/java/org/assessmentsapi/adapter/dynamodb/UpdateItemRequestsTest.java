package org.assessmentsapi.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.assessmentsapi.domain.AssessmentChanges;
import org.assessmentsapi.domain.AssessmentStatus;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.Caller;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class UpdateItemRequestsTest {

    private static final Instant NOW = Instant.parse("2026-03-04T14:20:00.123Z");
    private static final String TOKEN = WriteTokens.next();

    @Test
    void setsOnlyTheProvidedFieldsPlusUpdatedAtAndTheVersionBump() {
        var changes = new AssessmentChanges("New name", null, null, AssessmentStatus.ANALYZING, null, null, null);
        UpdateItemRequest request = UpdateItemRequests.build(
                "assessments",
                "id-1",
                new Caller.User("auth0|1"),
                new AssessmentUpdate(changes, OptionalLong.empty()),
                NOW,
                TOKEN);

        assertEquals(
                "SET #name = :name, #status = :status, #updatedAt = :updatedAt, #lastWrite = :lastWrite,"
                        + " #version = #version + :one",
                request.updateExpression());
        assertEquals("attribute_exists(#id) AND #userId = :caller", request.conditionExpression());
        assertEquals(
                Map.of(
                        "#name",
                        "name",
                        "#status",
                        "status",
                        "#updatedAt",
                        "updatedAt",
                        "#lastWrite",
                        "lastWrite",
                        "#version",
                        "version",
                        "#id",
                        "id",
                        "#userId",
                        "userId"),
                request.expressionAttributeNames());
        assertEquals(
                Map.of(
                        ":name",
                        AttributeValue.fromS("New name"),
                        ":status",
                        AttributeValue.fromS("ANALYZING"),
                        ":updatedAt",
                        AttributeValue.fromS("2026-03-04T14:20:00.123Z"),
                        ":lastWrite",
                        AttributeValue.fromS(TOKEN),
                        ":one",
                        AttributeValue.fromN("1"),
                        ":caller",
                        AttributeValue.fromS("auth0|1")),
                request.expressionAttributeValues());
        assertEquals(Map.of("id", AttributeValue.fromS("id-1")), request.key());
        assertEquals(ReturnValue.ALL_NEW, request.returnValues());
        assertEquals(ReturnValuesOnConditionCheckFailure.ALL_OLD, request.returnValuesOnConditionCheckFailure());
    }

    @Test
    void expectedVersionIsPartOfTheCondition() {
        var changes = new AssessmentChanges(null, null, "", null, new BigDecimal("75"), null, null);
        UpdateItemRequest request = UpdateItemRequests.build(
                "assessments",
                "id-1",
                new Caller.User("u"),
                new AssessmentUpdate(changes, OptionalLong.of(3)),
                NOW,
                TOKEN);

        assertEquals(
                "SET #companyType = :companyType, #progress = :progress, #updatedAt = :updatedAt,"
                        + " #lastWrite = :lastWrite, #version = #version + :one",
                request.updateExpression());
        assertEquals(
                "attribute_exists(#id) AND #userId = :caller AND #version = :expectedVersion",
                request.conditionExpression());
        assertEquals(
                AttributeValue.fromN("3"), request.expressionAttributeValues().get(":expectedVersion"));
        assertEquals(
                AttributeValue.fromN("75"), request.expressionAttributeValues().get(":progress"));
        assertEquals(
                AttributeValue.fromS(""), request.expressionAttributeValues().get(":companyType"));
    }

    @Test
    void internalServicesAreNotHeldToAnOwner() {
        var changes = new AssessmentChanges(null, null, null, null, null, new BigDecimal("72.5"), null);
        UpdateItemRequest request = UpdateItemRequests.build(
                "assessments",
                "id-1",
                new Caller.InternalService("analysis"),
                new AssessmentUpdate(changes, OptionalLong.empty()),
                NOW,
                TOKEN);
        assertEquals("attribute_exists(#id)", request.conditionExpression());
        assertFalse(request.expressionAttributeNames().containsKey("#userId"));
        assertEquals(
                AttributeValue.fromN("72.5"),
                request.expressionAttributeValues().get(":overallRiskScore"));
    }
}
