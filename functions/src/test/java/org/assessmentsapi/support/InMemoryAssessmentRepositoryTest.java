package org.assessmentsapi.support;

import org.assessmentsapi.application.AssessmentRepository;
import org.assessmentsapi.application.AssessmentRepositoryContract;

/** The in-memory repository keeps the repository contract (what lets route and service tests run on it). */
class InMemoryAssessmentRepositoryTest extends AssessmentRepositoryContract {

    private final InMemoryAssessmentRepository repository = new InMemoryAssessmentRepository();

    @Override
    protected AssessmentRepository repository() {
        return repository;
    }

    @Override
    protected AssessmentRepository unavailableRepository() {
        InMemoryAssessmentRepository down = new InMemoryAssessmentRepository();
        down.unavailable(true);
        return down;
    }
}
