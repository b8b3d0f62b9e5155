package org.assessmentsapi.adapter.validation;

import static org.assessmentsapi.adapter.validation.AssessmentField.*;

import java.util.EnumSet;
import java.util.Set;

/** Which fields a kind of request accepts and which it requires. Any other field is an error. */
public enum RequestSchema {
    /** PUT /api/assessments/{id}: the user-editable fields, plus the optional {@code version} lock. */
    API_UPDATE(
            EnumSet.of(NAME, COMPANY_NAME, COMPANY_TYPE, STATUS, PROGRESS, VERSION),
            EnumSet.noneOf(AssessmentField.class)),
    /**
     * The {@code changes} of an event-driven update from an internal service: the API's fields plus the
     * risk results. No {@code version} here: an event's lock is its {@code expectedVersion}, next to
     * {@code changes}, so there is one way to say it ({@code changes.version} is refused, never ignored).
     */
    SERVICE_UPDATE(
            EnumSet.of(NAME, COMPANY_NAME, COMPANY_TYPE, STATUS, PROGRESS, OVERALL_RISK_SCORE, OVERALL_RISK_LEVEL),
            EnumSet.noneOf(AssessmentField.class)),
    /** POST /api/assessments. */
    CREATE(
            EnumSet.of(NAME, COMPANY_NAME, COMPANY_TYPE, COUNTRY, INTAKE_MODE),
            EnumSet.of(NAME, COMPANY_NAME, INTAKE_MODE));

    /** Names of the resource that no request may set (the server owns them). */
    static final Set<String> SERVER_OWNED = Set.of("id", "userId", "createdAt", "updatedAt");

    private final Set<AssessmentField> accepted;
    private final Set<AssessmentField> required;

    RequestSchema(Set<AssessmentField> accepted, Set<AssessmentField> required) {
        this.accepted = accepted;
        this.required = required;
    }

    public boolean accepts(AssessmentField field) {
        return accepted.contains(field);
    }

    Set<AssessmentField> accepted() {
        return accepted;
    }

    Set<AssessmentField> required() {
        return required;
    }

    /** The fields that change the assessment (all accepted ones but the {@code version} lock). */
    Set<AssessmentField> changeFields() {
        EnumSet<AssessmentField> changes = EnumSet.copyOf(accepted);
        changes.remove(VERSION);
        return changes;
    }
}
