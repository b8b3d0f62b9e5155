package org.assessmentsapi.domain;

/** Where an assessment stands in its life cycle. */
public enum AssessmentStatus {
    DRAFT,
    ANALYZING,
    ACTION_REQUIRED,
    COMPLETE
}
