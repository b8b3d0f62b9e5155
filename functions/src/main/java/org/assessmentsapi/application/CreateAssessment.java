package org.assessmentsapi.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.AssessmentStatus;
import org.assessmentsapi.domain.Caller;
import org.assessmentsapi.domain.IdempotencyKey;
import org.assessmentsapi.domain.NewAssessment;
import org.assessmentsapi.domain.Timestamps;

/**
 * Creates an assessment in its initial state: DRAFT, progress 0, version 1, no risk results yet. With an idempotency
 * key, at most once per user and key: see {@link #execute(NewAssessment, Caller.User, IdempotencyKey)}.
 */
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
        Assessment assessment = initial(ids.get().toString(), request, owner, Timestamps.truncate(clock.instant()));
        if (!repository.create(assessment)) {
            // A random UUID that already exists means a broken id source, not a client error.
            throw new IllegalStateException("generated id " + assessment.id() + " already exists");
        }
        return assessment;
    }

    /**
     * One conditional write at the id derived from the owner and the key, the request's fingerprint stored with it:
     * the first request creates; a retry with the same request within {@link IdempotentCreations#WINDOW} of the
     * creation gets the first answer again (rebuilt from the stored {@code createdAt}: the request is the same, so
     * is the answer, whatever happened to the assessment since); any other request under the key is refused.
     * The store answers a refused write with the item as it was, so the success path and the replay make no extra call.
     */
    public CreateOutcome execute(NewAssessment request, Caller.User owner, IdempotencyKey key) {
        Instant now = Timestamps.truncate(clock.instant());
        Assessment assessment = initial(IdempotentCreations.id(owner.userId(), key), request, owner, now);
        String fingerprint = IdempotentCreations.fingerprint(owner.userId(), request);
        CreateOnceResult result = repository.createOnce(assessment, fingerprint);
        if (result instanceof CreateOnceResult.Created) {
            return new CreateOutcome.Created(assessment);
        }
        if (result instanceof CreateOnceResult.Exists exists) {
            Assessment first = exists.current();
            if (!first.isOwnedBy(owner.userId()) || !exists.fingerprint().equals(java.util.Optional.of(fingerprint))) {
                return new CreateOutcome.KeyReused(CreateOutcome.Reason.DIFFERENT_REQUEST);
            }
            if (!now.isBefore(first.createdAt().plus(IdempotentCreations.WINDOW))) {
                return new CreateOutcome.KeyReused(CreateOutcome.Reason.EXPIRED);
            }
            return new CreateOutcome.Replayed(initial(first.id(), request, owner, first.createdAt()));
        }
        // Created by a concurrent retry and deleted before it could be read: a retry creates it anew.
        throw new StoreUnavailableException("assessment " + assessment.id() + " was deleted while being created", null);
    }

    private static Assessment initial(String id, NewAssessment request, Caller.User owner, Instant now) {
        return new Assessment(
                id,
                request.name(),
                request.companyName(),
                request.companyType(),
                request.country(),
                AssessmentStatus.DRAFT,
                request.intakeMode(),
                BigDecimal.ZERO,
                1,
                null,
                null,
                owner.userId(),
                now,
                now);
    }
}
