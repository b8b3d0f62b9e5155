package org.assessmentsapi.support;

import java.util.List;

/** The fields of an assessment as the API answers it, in the documented order (README, docs/openapi.yaml). */
public final class AssessmentFields {

    public static final List<String> IN_ORDER = List.of(
            "id",
            "name",
            "companyName",
            "companyType",
            "country",
            "status",
            "intakeMode",
            "progress",
            "version",
            "overallRiskScore",
            "overallRiskLevel",
            "userId",
            "createdAt",
            "updatedAt");

    private AssessmentFields() {}
}
