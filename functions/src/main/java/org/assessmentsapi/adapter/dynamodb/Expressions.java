package org.assessmentsapi.adapter.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Accumulates the SET clauses and conditions of one {@code UpdateItem}, with their placeholder names
 * ({@code #attr}) and values ({@code :key}). Every attribute goes through a placeholder name: several,
 * like {@code name} and {@code status}, are DynamoDB reserved words.
 */
final class Expressions {

    private final List<String> assignments = new ArrayList<>();
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    /** {@code SET attribute = value}, unless {@code value} is null ("not provided"). */
    void set(String attribute, Object value) {
        if (value == null) {
            return;
        }
        AttributeValue attributeValue = value instanceof BigDecimal number
                ? AssessmentItems.number(number)
                : AssessmentItems.string((String) value);
        assign(name(attribute) + " = " + value(attribute, attributeValue));
    }

    void assign(String clause) {
        assignments.add(clause);
    }

    void condition(String clause) {
        conditions.add(clause);
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

    String updateExpression() {
        return "SET " + String.join(", ", assignments);
    }

    String conditionExpression() {
        return String.join(" AND ", conditions);
    }

    Map<String, String> names() {
        return Map.copyOf(names);
    }

    Map<String, AttributeValue> values() {
        return Map.copyOf(values);
    }
}
