package org.assessmentsapi.domain;

/** The band of the overall risk score, set by the analysis pipeline only. */
public enum RiskLevel {
    LOW,
    MODERATE,
    HIGH,
    CRITICAL
}
