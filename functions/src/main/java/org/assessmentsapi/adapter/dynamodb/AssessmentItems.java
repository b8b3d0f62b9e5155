package org.assessmentsapi.adapter.dynamodb;

import static org.assessmentsapi.adapter.dynamodb.Attributes.*;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.AssessmentStatus;
import org.assessmentsapi.domain.IntakeMode;
import org.assessmentsapi.domain.RiskLevel;
import org.assessmentsapi.domain.Timestamps;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps assessments to DynamoDB items and back, by hand: a reflective table schema would cost cold-start
 * time for fourteen attributes. Absent optional values are absent attributes, never NULL values.
 */
final class AssessmentItems {

    private AssessmentItems() {}

    static Map<String, AttributeValue> toItem(Assessment a) {
        Map<String, AttributeValue> item = new HashMap<>();
        putString(item, ID, a.id());
        putString(item, NAME, a.name());
        putString(item, COMPANY_NAME, a.companyName());
        putString(item, COMPANY_TYPE, a.companyType());
        putString(item, COUNTRY, a.country());
        putString(item, STATUS, a.status() == null ? null : a.status().name());
        putString(
                item,
                INTAKE_MODE,
                a.intakeMode() == null ? null : a.intakeMode().name());
        putNumber(item, PROGRESS, a.progress());
        item.put(VERSION, number(BigDecimal.valueOf(a.version())));
        putNumber(item, OVERALL_RISK_SCORE, a.overallRiskScore());
        putString(
                item,
                OVERALL_RISK_LEVEL,
                a.overallRiskLevel() == null ? null : a.overallRiskLevel().name());
        putString(item, USER_ID, a.userId());
        putString(item, CREATED_AT, Timestamps.format(a.createdAt()));
        putString(item, UPDATED_AT, Timestamps.format(a.updatedAt()));
        return item;
    }

    static Assessment fromItem(Map<String, AttributeValue> item) {
        return new Assessment(
                string(item, ID),
                string(item, NAME),
                string(item, COMPANY_NAME),
                string(item, COMPANY_TYPE),
                string(item, COUNTRY),
                mapString(item, STATUS, AssessmentStatus::valueOf),
                mapString(item, INTAKE_MODE, IntakeMode::valueOf),
                decimal(item, PROGRESS),
                decimal(item, VERSION).longValueExact(),
                decimal(item, OVERALL_RISK_SCORE),
                mapString(item, OVERALL_RISK_LEVEL, RiskLevel::valueOf),
                string(item, USER_ID),
                mapString(item, CREATED_AT, Timestamps::parse),
                mapString(item, UPDATED_AT, Timestamps::parse));
    }

    static AttributeValue string(String value) {
        return AttributeValue.builder().s(value).build();
    }

    static AttributeValue number(BigDecimal value) {
        return AttributeValue.builder().n(value.toPlainString()).build();
    }

    private static void putString(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, string(value));
        }
    }

    private static void putNumber(Map<String, AttributeValue> item, String name, BigDecimal value) {
        if (value != null) {
            item.put(name, number(value));
        }
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static <T> T mapString(Map<String, AttributeValue> item, String name, Function<String, T> convert) {
        String value = string(item, name);
        return value == null ? null : convert.apply(value);
    }

    private static BigDecimal decimal(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : new BigDecimal(value.n());
    }
}
