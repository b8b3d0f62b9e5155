package org.assessmentsapi.adapter.validation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assessmentsapi.domain.AssessmentStatus;
import org.assessmentsapi.domain.IntakeMode;
import org.assessmentsapi.domain.RiskLevel;

/**
 * Every field a client or service may send, with its JSON name and its rule: the single table of
 * validation rules, shared by the API routes and the event-driven updates.
 */
public enum AssessmentField {
    NAME("name", new FieldRule.Text(1, 200)),
    COMPANY_NAME("companyName", new FieldRule.Text(1, 200)),
    COMPANY_TYPE("companyType", new FieldRule.Text(0, 100)),
    COUNTRY("country", new FieldRule.Text(0, 100)),
    INTAKE_MODE("intakeMode", new FieldRule.OneOf<>(IntakeMode.class)),
    STATUS("status", new FieldRule.OneOf<>(AssessmentStatus.class)),
    PROGRESS("progress", percentage()),
    OVERALL_RISK_SCORE("overallRiskScore", percentage()),
    OVERALL_RISK_LEVEL("overallRiskLevel", new FieldRule.OneOf<>(RiskLevel.class)),
    VERSION("version", new FieldRule.WholeNumber(1));

    private final String jsonName;
    private final FieldRule rule;

    AssessmentField(String jsonName, FieldRule rule) {
        this.jsonName = jsonName;
        this.rule = rule;
    }

    public String jsonName() {
        return jsonName;
    }

    public FieldRule rule() {
        return rule;
    }

    /** The field a JSON name stands for, if any. */
    static Optional<AssessmentField> byJsonName(String name) {
        return Optional.ofNullable(BY_JSON_NAME.get(name));
    }

    private static final Map<String, AssessmentField> BY_JSON_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(AssessmentField::jsonName, f -> f));

    private static FieldRule percentage() {
        return new FieldRule.DecimalRange(BigDecimal.ZERO, BigDecimal.valueOf(100), 10);
    }
}
