package org.assessmentsapi.support;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.assessmentsapi.application.AssessmentRepository;
import org.assessmentsapi.application.StoreUnavailableException;
import org.assessmentsapi.application.UpdateOutcome;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.AssessmentChanges;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.Caller;

/**
 * The repository port in memory, for tests of routes and services that need no real store: the same
 * contract as the DynamoDB table (checked for both by {@code AssessmentRepositoryContract}), i.e. one
 * conditional write per update (existence, owner, expected version, the last
 * {@link AssessmentRepository#REMEMBERED_EVENTS} event ids), and the same answers when it fails.
 * {@link #unavailable(boolean)} stands in for an outage, which a real store cannot produce on demand.
 */
public final class InMemoryAssessmentRepository implements AssessmentRepository {

    private record Item(Assessment assessment, Deque<String> appliedEvents) {
    }

    private final Map<String, Item> items = new HashMap<>();
    private volatile boolean unavailable;

    @Override
    public synchronized UpdateOutcome update(String id, Caller caller, AssessmentUpdate update, Instant now) {
        requireAvailable();
        Item item = items.get(id);
        Optional<Assessment> asItWas = Optional.ofNullable(item).map(Item::assessment);
        boolean repeat = item != null && update.eventId().filter(item.appliedEvents()::contains).isPresent();
        boolean holds = item != null && caller.mayAccess(item.assessment()) && !repeat
                && (update.expectedVersion().isEmpty() || update.expectedVersion().getAsLong() == item.assessment().version());
        if (!holds) {
            return repeat ? new UpdateOutcome.AlreadyApplied(item.assessment()) : UpdateOutcome.notApplied(asItWas, caller);
        }
        Assessment updated = applied(item.assessment(), update.changes(), now);
        Deque<String> events = new ArrayDeque<>(item.appliedEvents());
        update.eventId().ifPresent(eventId -> {
            events.addFirst(eventId);
            if (events.size() > REMEMBERED_EVENTS) {
                events.removeLast();
            }
        });
        items.put(id, new Item(updated, events));
        return new UpdateOutcome.Updated(updated);
    }

    @Override
    public synchronized boolean create(Assessment assessment) {
        requireAvailable();
        return items.putIfAbsent(assessment.id(), new Item(assessment, new ArrayDeque<>())) == null;
    }

    @Override
    public synchronized Optional<Assessment> find(String id) {
        requireAvailable();
        return Optional.ofNullable(items.get(id)).map(Item::assessment);
    }

    /** While true, every call fails as a store that cannot be reached does (a stand-in for an outage). */
    public void unavailable(boolean down) {
        unavailable = down;
    }

    /** How many assessments are stored. */
    public synchronized int size() {
        return items.size();
    }

    private void requireAvailable() {
        if (unavailable) {
            throw new StoreUnavailableException("the in-memory store is set unavailable", null);
        }
    }

    private static Assessment applied(Assessment a, AssessmentChanges c, Instant now) {
        return new Assessment(a.id(), or(c.name(), a.name()), or(c.companyName(), a.companyName()),
                or(c.companyType(), a.companyType()), a.country(), or(c.status(), a.status()), a.intakeMode(),
                or(c.progress(), a.progress()), a.version() + 1, or(c.overallRiskScore(), a.overallRiskScore()),
                or(c.overallRiskLevel(), a.overallRiskLevel()), a.userId(), a.createdAt(), now);
    }

    /** A null change means "not provided": the stored value stays. */
    private static <T> T or(T change, T stored) {
        return change != null ? change : stored;
    }
}
