package org.assessmentsapi.application;

import java.util.OptionalLong;
import org.assessmentsapi.domain.Caller;

/**
 * Deletes one assessment in one conditional write: it must exist, belong to the caller and, when given, be at the
 * expected version; a refusal is explained by the repository ({@link DeleteOutcome#notDeleted}).
 */
public final class DeleteAssessment {

    private final AssessmentRepository repository;

    public DeleteAssessment(AssessmentRepository repository) {
        this.repository = repository;
    }

    public DeleteOutcome execute(String id, Caller caller, OptionalLong expectedVersion) {
        return repository.delete(id, caller, expectedVersion);
    }
}
