package org.assessmentsapi.application;

import java.util.Optional;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.Caller;

/** Reads one assessment for a caller; another user's assessment is reported as absent. */
public final class GetAssessment {

    private final AssessmentRepository repository;

    public GetAssessment(AssessmentRepository repository) {
        this.repository = repository;
    }

    public Optional<Assessment> execute(String id, Caller caller) {
        return repository.find(id).filter(caller::mayAccess);
    }
}
