package org.assessmentsapi.application;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
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

    /** Not found, or a version conflict, by the rule shared with deletes ({@link FailedConditions}). */
    static UpdateOutcome classify(Optional<Assessment> current, Caller caller) {
        OptionalLong version = FailedConditions.currentVersion(current, caller);
        return version.isPresent() ? new UpdateOutcome.VersionConflict(version.getAsLong()) : new UpdateOutcome.NotFound();
    }
}
