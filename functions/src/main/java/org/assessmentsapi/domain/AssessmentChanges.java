package org.assessmentsapi.domain;

import java.math.BigDecimal;
import java.util.stream.Stream;

/**
 * The fields an update sets. A {@code null} component means "not provided, leave it as it is": no
 * updatable field may be set to null, so null never has to mean "clear".
 * The risk fields can only be set by internal services (the event-driven path), never by the API.
 */
public record AssessmentChanges(
        String name,
        String companyName,
        String companyType,
        AssessmentStatus status,
        BigDecimal progress,
        BigDecimal overallRiskScore,
        RiskLevel overallRiskLevel) {

    public boolean isEmpty() {
        return Stream.of(name, companyName, companyType, status, progress, overallRiskScore, overallRiskLevel)
                .allMatch(java.util.Objects::isNull);
    }
}
