package org.assessmentsapi.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.AssessmentChanges;
import org.assessmentsapi.domain.AssessmentStatus;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.Caller;
import org.assessmentsapi.domain.IntakeMode;
import org.assessmentsapi.domain.RiskLevel;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AssessmentRepository}, one test per promise of its documentation, run against every
 * implementation (the DynamoDB table over dynalite, and the in-memory one that route and service tests use),
 * so that the fast tests and the real store cannot drift apart.
 */
public abstract class AssessmentRepositoryContract {

    private static final Instant CREATED = Instant.parse("2026-03-04T14:20:00.000Z");
    private static final Instant LATER = Instant.parse("2026-03-05T09:00:00.123Z");
    private static final Caller.User OWNER = new Caller.User("auth0|owner-" + UUID.randomUUID());
    private static final Caller.InternalService SERVICE = new Caller.InternalService("assessments.analysis");

    /** The repository under test; every test works on ids of its own. */
    protected abstract AssessmentRepository repository();

    /** The same store while it cannot be reached (throttled, down): every call must fail as retryable. */
    protected abstract AssessmentRepository unavailableRepository();

    @Test
    void aCreatedAssessmentIsFoundAsItWasStored() {
        Assessment stored = stored();
        assertTrue(repository().create(stored));
        assertEquals(Optional.of(stored), repository().find(stored.id()));
    }

    @Test
    void anExistingIdIsNotCreatedTwiceAndTheFirstStays() {
        Assessment first = stored();
        assertTrue(repository().create(first));
        Assessment second = otherWithTheIdOf(first, "auth0|someone-else");
        assertFalse(repository().create(second));
        assertEquals(Optional.of(first), repository().find(first.id()));
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertEquals(Optional.empty(), repository().find(UUID.randomUUID().toString()));
    }

    @Test
    void anUpdateSetsOnlyTheProvidedFieldsTheTimeAndTheNextVersion() {
        Assessment stored = created();
        UpdateOutcome outcome = repository()
                .update(
                        stored.id(),
                        OWNER,
                        update(changes("renamed", new BigDecimal("40")), OptionalLong.empty(), null),
                        LATER);
        Assessment expected = new Assessment(
                stored.id(),
                "renamed",
                stored.companyName(),
                stored.companyType(),
                stored.country(),
                stored.status(),
                stored.intakeMode(),
                new BigDecimal("40"),
                2,
                null,
                null,
                stored.userId(),
                CREATED,
                LATER);
        assertEquals(new UpdateOutcome.Updated(expected), outcome);
        assertEquals(Optional.of(expected), repository().find(stored.id()));
    }

    @Test
    void theExpectedVersionMustBeTheStoredOne() {
        Assessment stored = created();
        assertEquals(
                2,
                updated(repository()
                                .update(
                                        stored.id(),
                                        OWNER,
                                        update(changes("v2", null), OptionalLong.of(1), null),
                                        LATER))
                        .version());
        assertEquals(
                new UpdateOutcome.VersionConflict(2),
                repository()
                        .update(stored.id(), OWNER, update(changes("stale", null), OptionalLong.of(1), null), LATER));
        assertEquals("v2", repository().find(stored.id()).orElseThrow().name());
    }

    @Test
    void aMissingAndAForeignAssessmentAreBothNotFoundAndNothingIsWritten() {
        Assessment stored = created();
        AssessmentUpdate rename = update(changes("taken over", null), OptionalLong.empty(), null);
        assertEquals(
                new UpdateOutcome.NotFound(),
                repository().update(UUID.randomUUID().toString(), OWNER, rename, LATER));
        assertEquals(
                new UpdateOutcome.NotFound(),
                repository().update(stored.id(), new Caller.User("auth0|intruder"), rename, LATER));
        // A stale version on a foreign item says nothing about that item either.
        assertEquals(
                new UpdateOutcome.NotFound(),
                repository()
                        .update(
                                stored.id(),
                                new Caller.User("auth0|intruder"),
                                update(changes("x", null), OptionalLong.of(7), null),
                                LATER));
        assertEquals(Optional.of(stored), repository().find(stored.id()));
    }

    @Test
    void anInternalServiceMayUpdateAnyAssessment() {
        Assessment stored = created();
        Assessment after = updated(repository()
                .update(
                        stored.id(),
                        SERVICE,
                        update(
                                new AssessmentChanges(
                                        null,
                                        null,
                                        null,
                                        AssessmentStatus.ACTION_REQUIRED,
                                        null,
                                        new BigDecimal("72.5"),
                                        RiskLevel.HIGH),
                                OptionalLong.of(1),
                                "event-1"),
                        LATER));
        assertEquals(RiskLevel.HIGH, after.overallRiskLevel());
        assertEquals(new BigDecimal("72.5"), after.overallRiskScore());
        assertEquals(OWNER.userId(), after.userId());
    }

    @Test
    void anEventIsAppliedOnceAndItsRedeliveryIsRecognisedEvenWithItsNowStaleVersion() {
        Assessment stored = created();
        AssessmentUpdate event =
                update(changes(null, new BigDecimal("50")), OptionalLong.of(1), "event-" + UUID.randomUUID());
        Assessment applied = updated(repository().update(stored.id(), SERVICE, event, LATER));
        assertEquals(
                new UpdateOutcome.AlreadyApplied(applied),
                repository().update(stored.id(), SERVICE, event, LATER.plusSeconds(60)));
        AssessmentUpdate unlocked = new AssessmentUpdate(event.changes(), OptionalLong.empty(), event.eventId());
        assertEquals(
                new UpdateOutcome.AlreadyApplied(applied), repository().update(stored.id(), SERVICE, unlocked, LATER));
        assertEquals(Optional.of(applied), repository().find(stored.id()));
    }

    @Test
    void theLatestEventIdsAreRememberedAndOlderOnesForgotten() {
        Assessment stored = created();
        AssessmentUpdate first =
                update(changes(null, new BigDecimal("1")), OptionalLong.empty(), "first-" + UUID.randomUUID());
        updated(repository().update(stored.id(), SERVICE, first, LATER));
        for (int i = 1; i < AssessmentRepository.REMEMBERED_EVENTS; i++) {
            updated(repository()
                    .update(
                            stored.id(),
                            SERVICE,
                            update(
                                    changes(null, null, "event " + i),
                                    OptionalLong.empty(),
                                    "other-" + i + "-" + UUID.randomUUID()),
                            LATER));
        }
        assertTrue(
                repository().update(stored.id(), SERVICE, first, LATER) instanceof UpdateOutcome.AlreadyApplied,
                "the first event is among the latest " + AssessmentRepository.REMEMBERED_EVENTS);
        updated(repository()
                .update(
                        stored.id(),
                        SERVICE,
                        update(changes(null, null, "one more"), OptionalLong.empty(), "last-" + UUID.randomUUID()),
                        LATER));
        Assessment again = updated(repository().update(stored.id(), SERVICE, first, LATER));
        assertEquals(AssessmentRepository.REMEMBERED_EVENTS + 3, again.version());
    }

    @Test
    void updatesWithoutAnEventIdAreNeverTakenForRedeliveries() {
        Assessment stored = created();
        AssessmentUpdate same = update(changes("same", null), OptionalLong.empty(), null);
        updated(repository().update(stored.id(), OWNER, same, LATER));
        assertEquals(
                3, updated(repository().update(stored.id(), OWNER, same, LATER)).version());
    }

    @Test
    void aCreationOnceWritesTheFirstAndThenReportsTheItemWithItsFingerprint() {
        Assessment first = stored();
        assertEquals(new CreateOnceResult.Created(), repository().createOnce(first, "fingerprint-1"));
        Assessment again = otherWithTheIdOf(first, first.userId());
        assertEquals(
                new CreateOnceResult.Exists(first, Optional.of("fingerprint-1")),
                repository().createOnce(again, "fingerprint-2"));
        assertEquals(Optional.of(first), repository().find(first.id()));
        // An item created without a key reports no fingerprint.
        Assessment plain = created();
        assertEquals(
                new CreateOnceResult.Exists(plain, Optional.empty()),
                repository().createOnce(plain, "fingerprint-3"));
    }

    @Test
    void aListHoldsOnlyTheOwnersAssessmentsNewestFirstAndResumesAfterItsPosition() {
        String owner = "auth0|lister-" + UUID.randomUUID();
        Assessment oldest = createdAt(owner, CREATED, AssessmentStatus.DRAFT);
        Assessment tieA = createdAt(owner, LATER, AssessmentStatus.ANALYZING);
        Assessment tieB = createdAt(owner, LATER, AssessmentStatus.DRAFT);
        Assessment newest = createdAt(owner, LATER.plusSeconds(1), AssessmentStatus.DRAFT);
        createdAt("auth0|someone-else-" + UUID.randomUUID(), LATER, AssessmentStatus.DRAFT);

        AssessmentPage first = repository().list(owner, new ListQuery(Set.of(), 3), Optional.empty());
        assertEquals(newest, first.items().get(0));
        // Items of one updatedAt come in an order of the store's own (dynalite's: a hash of the table key), the same
        // on every page: the position holds the id too, so the next page resumes exactly after the last item.
        assertEquals(Set.of(tieA, tieB), Set.copyOf(first.items().subList(1, 3)));
        Assessment last = first.items().get(2);
        assertEquals(Optional.of(new PagePosition(last.updatedAt(), last.id())), first.next());
        AssessmentPage second = repository().list(owner, new ListQuery(Set.of(), 3), first.next());
        assertEquals(new AssessmentPage(List.of(oldest), Optional.empty()), second);
    }

    @Test
    void aStatusFilterDropsItemsAfterTheLimitCountedThem() {
        String owner = "auth0|filter-" + UUID.randomUUID();
        Assessment older = createdAt(owner, CREATED, AssessmentStatus.DRAFT);
        Assessment newer = createdAt(owner, LATER, AssessmentStatus.ANALYZING);
        ListQuery drafts = new ListQuery(Set.of(AssessmentStatus.DRAFT), 1);

        AssessmentPage first = repository().list(owner, drafts, Optional.empty());
        assertEquals(
                new AssessmentPage(List.of(), Optional.of(new PagePosition(newer.updatedAt(), newer.id()))), first);
        assertEquals(
                List.of(older), repository().list(owner, drafts, first.next()).items());
    }

    @Test
    void aDeleteRemovesTheOwnersAssessmentAtTheExpectedVersionOnly() {
        Assessment stale = created();
        assertEquals(new DeleteOutcome.VersionMismatch(1), repository().delete(stale.id(), OWNER, OptionalLong.of(7)));
        assertEquals(Optional.of(stale), repository().find(stale.id()));
        assertEquals(new DeleteOutcome.Deleted(), repository().delete(stale.id(), OWNER, OptionalLong.of(1)));
        assertEquals(Optional.empty(), repository().find(stale.id()));
        Assessment unconditional = created();
        assertEquals(new DeleteOutcome.Deleted(), repository().delete(unconditional.id(), OWNER, OptionalLong.empty()));
        assertEquals(Optional.empty(), repository().find(unconditional.id()));
    }

    @Test
    void aMissingAndAForeignAssessmentAreBothNotFoundAndNothingIsDeleted() {
        Assessment stored = created();
        Caller.User intruder = new Caller.User("auth0|intruder");
        assertEquals(
                new DeleteOutcome.NotFound(),
                repository().delete(UUID.randomUUID().toString(), OWNER, OptionalLong.empty()));
        assertEquals(new DeleteOutcome.NotFound(), repository().delete(stored.id(), intruder, OptionalLong.empty()));
        assertEquals(new DeleteOutcome.NotFound(), repository().delete(stored.id(), intruder, OptionalLong.of(7)));
        assertEquals(Optional.of(stored), repository().find(stored.id()));
    }

    @Test
    void anUnreachableStoreFailsEveryCallAsRetryable() {
        AssessmentRepository down = unavailableRepository();
        String id = UUID.randomUUID().toString();
        assertThrows(StoreUnavailableException.class, () -> down.find(id));
        assertThrows(StoreUnavailableException.class, () -> down.create(stored()));
        assertThrows(
                StoreUnavailableException.class,
                () -> down.update(id, OWNER, update(changes("x", null), OptionalLong.empty(), null), LATER));
        assertThrows(StoreUnavailableException.class, () -> down.createOnce(stored(), "fingerprint"));
        assertThrows(
                StoreUnavailableException.class,
                () -> down.list(OWNER.userId(), new ListQuery(Set.of(), 1), Optional.empty()));
        assertThrows(StoreUnavailableException.class, () -> down.delete(id, OWNER, OptionalLong.empty()));
    }

    /** A stored assessment of {@code userId}, last updated at {@code updatedAt}. */
    private Assessment createdAt(String userId, Instant updatedAt, AssessmentStatus status) {
        Assessment stored = new Assessment(
                UUID.randomUUID().toString(),
                "listed",
                "Acme",
                null,
                null,
                status,
                IntakeMode.MANUAL_ENTRY,
                BigDecimal.ZERO,
                1,
                null,
                null,
                userId,
                CREATED,
                updatedAt);
        assertTrue(repository().create(stored));
        return stored;
    }

    private Assessment created() {
        Assessment stored = stored();
        assertTrue(repository().create(stored));
        return stored;
    }

    /** Another assessment of {@code owner} under {@code first}'s id: every other field differs. */
    private static Assessment otherWithTheIdOf(Assessment first, String owner) {
        return new Assessment(
                first.id(),
                "other",
                "other",
                null,
                null,
                AssessmentStatus.DRAFT,
                IntakeMode.UPLOAD,
                BigDecimal.ZERO,
                1,
                null,
                null,
                owner,
                CREATED,
                CREATED);
    }

    private static Assessment stored() {
        return new Assessment(
                UUID.randomUUID().toString(),
                "Q1 supplier review",
                "Acme Farming Cooperative",
                "Cooperative",
                "FR",
                AssessmentStatus.DRAFT,
                IntakeMode.GUIDED_INTERVIEW,
                BigDecimal.ZERO,
                1,
                null,
                null,
                OWNER.userId(),
                CREATED,
                CREATED);
    }

    private static Assessment updated(UpdateOutcome outcome) {
        assertTrue(outcome instanceof UpdateOutcome.Updated, outcome::toString);
        return ((UpdateOutcome.Updated) outcome).assessment();
    }

    private static AssessmentChanges changes(String name, BigDecimal progress) {
        return changes(name, progress, null);
    }

    private static AssessmentChanges changes(String name, BigDecimal progress, String companyType) {
        return new AssessmentChanges(name, null, companyType, null, progress, null, null);
    }

    private static AssessmentUpdate update(AssessmentChanges changes, OptionalLong expectedVersion, String eventId) {
        return new AssessmentUpdate(changes, expectedVersion, Optional.ofNullable(eventId));
    }
}
