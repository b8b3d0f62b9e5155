package org.assessmentsapi.domain;

/** How the company's data was collected; chosen at creation, never updated. */
public enum IntakeMode {
    UPLOAD,
    GUIDED_INTERVIEW,
    MANUAL_ENTRY
}
