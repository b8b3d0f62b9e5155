package org.assessmentsapi.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.AssessmentStatus;
import org.assessmentsapi.domain.Caller;
import org.assessmentsapi.domain.NewAssessment;
import org.assessmentsapi.domain.Timestamps;
import java.math.BigDecimal;

/** Creates an assessment in its initial state: DRAFT, progress 0, version 1, no risk results yet. */
public final class CreateAssessment {

    private final AssessmentRepository repository;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public CreateAssessment(AssessmentRepository repository, Clock clock, Supplier<UUID> ids) {
        this.repository = repository;
        this.clock = clock;
        this.ids = ids;
    }

    public Assessment execute(NewAssessment request, Caller.User owner) {
        Instant now = Timestamps.truncate(clock.instant());
        Assessment assessment = new Assessment(ids.get().toString(), request.name(), request.companyName(),
                request.companyType(), request.country(), AssessmentStatus.DRAFT, request.intakeMode(),
                BigDecimal.ZERO, 1, null, null, owner.userId(), now, now);
        if (!repository.create(assessment)) {
            // A random UUID that already exists means a broken id source, not a client error.
            throw new IllegalStateException("generated id " + assessment.id() + " already exists");
        }
        return assessment;
    }
}
