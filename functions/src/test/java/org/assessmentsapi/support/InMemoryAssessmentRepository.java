package org.assessmentsapi.support;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.assessmentsapi.application.AssessmentPage;
import org.assessmentsapi.application.AssessmentRepository;
import org.assessmentsapi.application.CreateOnceResult;
import org.assessmentsapi.application.DeleteOutcome;
import org.assessmentsapi.application.ListQuery;
import org.assessmentsapi.application.PagePosition;
import org.assessmentsapi.application.StoreUnavailableException;
import org.assessmentsapi.application.UpdateOutcome;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.AssessmentChanges;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.Caller;

/**
 * The repository port in memory, for tests of routes and services that need no real store: the same
 * contract as the DynamoDB table (checked for both by {@code AssessmentRepositoryContract}), i.e. one
 * conditional write per update or delete (existence, owner, expected version, and for updates the last
 * {@link AssessmentRepository#REMEMBERED_EVENTS} event ids), and the same answers when it fails; pages of an
 * owner's assessments as the owner index gives them (newest {@code updatedAt} first, ties by id descending, the
 * limit counting the items read before the status filter, a next position whenever the limit was reached).
 * {@link #unavailable(boolean)} stands in for an outage, which a real store cannot produce on demand.
 */
public final class InMemoryAssessmentRepository implements AssessmentRepository {

    private record Item(Assessment assessment, Deque<String> appliedEvents, Optional<String> fingerprint) {}

    /** The owner index's order: newest {@code updatedAt} first, then the greater id first. */
    private static final Comparator<Assessment> NEWEST_FIRST = Comparator.comparing(Assessment::updatedAt)
            .thenComparing(Assessment::id)
            .reversed();

    private final Map<String, Item> items = new HashMap<>();
    private volatile boolean unavailable;

    @Override
    public synchronized UpdateOutcome update(String id, Caller caller, AssessmentUpdate update, Instant now) {
        requireAvailable();
        Item item = items.get(id);
        Optional<Assessment> asItWas = Optional.ofNullable(item).map(Item::assessment);
        boolean repeat = item != null
                && update.eventId().filter(item.appliedEvents()::contains).isPresent();
        boolean holds = item != null
                && caller.mayAccess(item.assessment())
                && !repeat
                && (update.expectedVersion().isEmpty()
                        || update.expectedVersion().getAsLong()
                                == item.assessment().version());
        if (!holds) {
            return repeat
                    ? new UpdateOutcome.AlreadyApplied(item.assessment())
                    : UpdateOutcome.notApplied(asItWas, caller);
        }
        Assessment updated = applied(item.assessment(), update.changes(), now);
        Deque<String> events = new ArrayDeque<>(item.appliedEvents());
        update.eventId().ifPresent(eventId -> {
            events.addFirst(eventId);
            if (events.size() > REMEMBERED_EVENTS) {
                events.removeLast();
            }
        });
        items.put(id, new Item(updated, events, item.fingerprint()));
        return new UpdateOutcome.Updated(updated);
    }

    @Override
    public synchronized boolean create(Assessment assessment) {
        requireAvailable();
        return items.putIfAbsent(assessment.id(), new Item(assessment, new ArrayDeque<>(), Optional.empty())) == null;
    }

    @Override
    public synchronized CreateOnceResult createOnce(Assessment assessment, String fingerprint) {
        requireAvailable();
        Item existing =
                items.putIfAbsent(assessment.id(), new Item(assessment, new ArrayDeque<>(), Optional.of(fingerprint)));
        return existing == null
                ? new CreateOnceResult.Created()
                : new CreateOnceResult.Exists(existing.assessment(), existing.fingerprint());
    }

    @Override
    public synchronized AssessmentPage list(String userId, ListQuery query, Optional<PagePosition> after) {
        requireAvailable();
        List<Assessment> read = items.values().stream()
                .map(Item::assessment)
                .filter(a -> a.userId().equals(userId))
                .filter(a -> after.isEmpty() || after(a, after.get()))
                .sorted(NEWEST_FIRST)
                .limit(query.limit())
                .toList();
        Optional<PagePosition> next = read.size() < query.limit()
                ? Optional.empty()
                : Optional.of(new PagePosition(
                        read.get(read.size() - 1).updatedAt(),
                        read.get(read.size() - 1).id()));
        return new AssessmentPage(
                read.stream()
                        .filter(a -> !query.filtersStatus() || query.statuses().contains(a.status()))
                        .toList(),
                next);
    }

    @Override
    public synchronized DeleteOutcome delete(String id, Caller caller, OptionalLong expectedVersion) {
        requireAvailable();
        Optional<Assessment> asItWas = Optional.ofNullable(items.get(id)).map(Item::assessment);
        boolean holds = asItWas.filter(caller::mayAccess)
                .filter(a -> expectedVersion.isEmpty() || expectedVersion.getAsLong() == a.version())
                .isPresent();
        if (!holds) {
            return DeleteOutcome.notDeleted(asItWas, caller);
        }
        items.remove(id);
        return new DeleteOutcome.Deleted();
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

    /** True when {@code a} comes after {@code position} in the order of {@link #NEWEST_FIRST}. */
    private static boolean after(Assessment a, PagePosition position) {
        int byTime = a.updatedAt().compareTo(position.updatedAt());
        return byTime < 0 || (byTime == 0 && a.id().compareTo(position.id()) < 0);
    }

    private static Assessment applied(Assessment a, AssessmentChanges c, Instant now) {
        return new Assessment(
                a.id(),
                or(c.name(), a.name()),
                or(c.companyName(), a.companyName()),
                or(c.companyType(), a.companyType()),
                a.country(),
                or(c.status(), a.status()),
                a.intakeMode(),
                or(c.progress(), a.progress()),
                a.version() + 1,
                or(c.overallRiskScore(), a.overallRiskScore()),
                or(c.overallRiskLevel(), a.overallRiskLevel()),
                a.userId(),
                a.createdAt(),
                now);
    }

    /** A null change means "not provided": the stored value stays. */
    private static <T> T or(T change, T stored) {
        return change != null ? change : stored;
    }
}
