package org.assessmentsapi.domain;

/** What a client provides to create an assessment; everything else is set by the service. */
public record NewAssessment(
        String name, String companyName, String companyType, String country, IntakeMode intakeMode) {}
