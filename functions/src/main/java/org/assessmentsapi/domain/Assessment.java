package org.assessmentsapi.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A risk assessment of one company, as stored and as returned by the API. Optional attributes
 * ({@code companyType}, {@code country}, the risk fields) are {@code null} when absent.
 */
public record Assessment(
        String id,
        String name,
        String companyName,
        String companyType,
        String country,
        AssessmentStatus status,
        IntakeMode intakeMode,
        BigDecimal progress,
        long version,
        BigDecimal overallRiskScore,
        RiskLevel overallRiskLevel,
        String userId,
        Instant createdAt,
        Instant updatedAt) {

    public Assessment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
    }

    public boolean isOwnedBy(String candidateUserId) {
        return userId.equals(candidateUserId);
    }
}
