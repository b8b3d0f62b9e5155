package org.assessmentsapi.repository;

import static org.assessmentsapi.repository.Attributes.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assessmentsapi.domain.AssessmentChanges;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.Caller;
import org.assessmentsapi.domain.Timestamps;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Builds the single {@code UpdateItem} of an update: it SETs only the provided fields, {@code updatedAt}
 * and {@code version = version + 1}, under the condition that the item exists, belongs to the caller and,
 * when given, still has the expected version. Every attribute goes through an expression attribute name
 * (several, like {@code name} and {@code status}, are DynamoDB reserved words).
 */
final class UpdateItemRequests {

    private UpdateItemRequests() {
    }

    static UpdateItemRequest build(String tableName, String id, Caller caller, AssessmentUpdate update, Instant now) {
        var expression = new Expression();
        AssessmentChanges changes = update.changes();
        expression.set(NAME, changes.name());
        expression.set(COMPANY_NAME, changes.companyName());
        expression.set(COMPANY_TYPE, changes.companyType());
        expression.set(STATUS, changes.status() == null ? null : changes.status().name());
        expression.set(PROGRESS, changes.progress());
        expression.set(OVERALL_RISK_SCORE, changes.overallRiskScore());
        expression.set(OVERALL_RISK_LEVEL, changes.overallRiskLevel() == null ? null : changes.overallRiskLevel().name());
        expression.set(UPDATED_AT, Timestamps.format(now));
        expression.assignments.add(expression.name(VERSION) + " = " + expression.name(VERSION) + " + "
                + expression.value("one", AssessmentItems.number(BigDecimal.ONE)));

        List<String> conditions = new ArrayList<>();
        conditions.add("attribute_exists(" + expression.name(ID) + ")");
        if (caller instanceof Caller.User user) {
            conditions.add(expression.name(USER_ID) + " = " + expression.value("caller", AssessmentItems.string(user.userId())));
        }
        update.expectedVersion().ifPresent(expected -> conditions.add(expression.name(VERSION) + " = "
                + expression.value("expectedVersion", AssessmentItems.number(BigDecimal.valueOf(expected)))));

        return UpdateItemRequest.builder()
                .tableName(tableName)
                .key(Map.of(ID, AssessmentItems.string(id)))
                .updateExpression("SET " + String.join(", ", expression.assignments))
                .conditionExpression(String.join(" AND ", conditions))
                .expressionAttributeNames(expression.names)
                .expressionAttributeValues(expression.values)
                .returnValues(ReturnValue.ALL_NEW)
                // Real DynamoDB returns the old item with the failure, sparing a read to classify it.
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    /** Accumulates SET clauses with their placeholder names ({@code #attr}) and values ({@code :attr}). */
    private static final class Expression {
        private final List<String> assignments = new ArrayList<>();
        private final Map<String, String> names = new HashMap<>();
        private final Map<String, AttributeValue> values = new HashMap<>();

        void set(String attribute, Object value) {
            if (value == null) {
                return;
            }
            AttributeValue attributeValue = value instanceof BigDecimal number
                    ? AssessmentItems.number(number) : AssessmentItems.string((String) value);
            assignments.add(name(attribute) + " = " + value(attribute, attributeValue));
        }

        String name(String attribute) {
            String placeholder = "#" + attribute;
            names.put(placeholder, attribute);
            return placeholder;
        }

        String value(String key, AttributeValue value) {
            String placeholder = ":" + key;
            values.put(placeholder, value);
            return placeholder;
        }
    }
}
