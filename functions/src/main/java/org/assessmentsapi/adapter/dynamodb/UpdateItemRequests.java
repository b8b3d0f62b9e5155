package org.assessmentsapi.adapter.dynamodb;

import static org.assessmentsapi.adapter.dynamodb.Attributes.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.assessmentsapi.domain.AssessmentChanges;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.Caller;
import org.assessmentsapi.domain.Timestamps;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Builds the single {@code UpdateItem} of an update: it SETs only the provided fields, {@code updatedAt}
 * and {@code version = version + 1}, under the condition that the item exists, belongs to the caller,
 * when given, still has the expected version and, for an update requested by an event, has not applied
 * that event yet ({@link AppliedEvents}). It also records the request's {@link WriteTokens write token}.
 */
final class UpdateItemRequests {

    private UpdateItemRequests() {}

    static UpdateItemRequest build(
            String tableName, String id, Caller caller, AssessmentUpdate update, Instant now, String writeToken) {
        var expression = new Expressions();
        AssessmentChanges changes = update.changes();
        expression.set(NAME, changes.name());
        expression.set(COMPANY_NAME, changes.companyName());
        expression.set(COMPANY_TYPE, changes.companyType());
        expression.set(
                STATUS, changes.status() == null ? null : changes.status().name());
        expression.set(PROGRESS, changes.progress());
        expression.set(OVERALL_RISK_SCORE, changes.overallRiskScore());
        expression.set(
                OVERALL_RISK_LEVEL,
                changes.overallRiskLevel() == null
                        ? null
                        : changes.overallRiskLevel().name());
        expression.set(UPDATED_AT, Timestamps.format(now));
        expression.set(LAST_WRITE, writeToken);
        expression.assign(expression.name(VERSION) + " = " + expression.name(VERSION) + " + "
                + expression.value("one", AssessmentItems.number(BigDecimal.ONE)));

        ItemConditions.existsAccessibleAt(expression, caller, update.expectedVersion());
        update.eventId().ifPresent(eventId -> AppliedEvents.recordOnce(expression, eventId));

        return UpdateItemRequest.builder()
                .tableName(tableName)
                .key(Map.of(ID, AssessmentItems.string(id)))
                .updateExpression(expression.updateExpression())
                .conditionExpression(expression.conditionExpression())
                .expressionAttributeNames(expression.names())
                .expressionAttributeValues(expression.values())
                .returnValues(ReturnValue.ALL_NEW)
                // Real DynamoDB returns the old item with the failure, sparing a read to classify it.
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }
}
