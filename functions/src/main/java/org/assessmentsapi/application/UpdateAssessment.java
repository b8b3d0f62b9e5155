package org.assessmentsapi.application;

import java.time.Clock;
import java.util.Optional;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.Caller;
import org.assessmentsapi.domain.Timestamps;

/**
 * The update command, shared by the HTTP route and the event-driven path: one conditional write, and
 * on a failed condition, the reason told apart from the item as it was.
 */
public final class UpdateAssessment {

    private final AssessmentRepository repository;
    private final Clock clock;

    public UpdateAssessment(AssessmentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public UpdateOutcome execute(String id, Caller caller, AssessmentUpdate update) {
        UpdateResult result = repository.update(id, caller, update, Timestamps.truncate(clock.instant()));
        if (result instanceof UpdateResult.Applied applied) {
            return new UpdateOutcome.Updated(applied.assessment());
        }
        if (result instanceof UpdateResult.AlreadyApplied repeat) {
            return new UpdateOutcome.AlreadyApplied(repeat.current());
        }
        return classify(((UpdateResult.ConditionFailed) result).current(), caller);
    }

    /**
     * Missing and foreign items are both "not found", so that ids of other users' assessments cannot be
     * probed. Otherwise the condition failed on the version: the item as read is newer than the client's.
     */
    static UpdateOutcome classify(Optional<Assessment> current, Caller caller) {
        if (current.isEmpty() || !caller.mayAccess(current.get())) {
            return new UpdateOutcome.NotFound();
        }
        return new UpdateOutcome.VersionConflict(current.get().version());
    }
}
