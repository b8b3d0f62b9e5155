package org.assessmentsapi.application;

import java.time.Clock;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.Caller;
import org.assessmentsapi.domain.Timestamps;

/**
 * The update command, shared by the HTTP route and the event-driven path: one conditional write at the
 * stored precision of now; a failed condition is explained by the repository ({@link UpdateOutcome}).
 */
public final class UpdateAssessment {

    private final AssessmentRepository repository;
    private final Clock clock;

    public UpdateAssessment(AssessmentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public UpdateOutcome execute(String id, Caller caller, AssessmentUpdate update) {
        return repository.update(id, caller, update, Timestamps.truncate(clock.instant()));
    }
}
