package org.assessmentsapi.adapter.dynamodb;

import static org.assessmentsapi.adapter.dynamodb.StoreFixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assessmentsapi.application.ListOutcome;
import org.assessmentsapi.application.ListQuery;
import org.assessmentsapi.application.PagePosition;
import org.assessmentsapi.application.UpdateAssessment;
import org.assessmentsapi.devkit.AssessmentsTable;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.AssessmentChanges;
import org.assessmentsapi.domain.AssessmentStatus;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.Caller;
import org.assessmentsapi.support.AssessmentFields;
import org.assessmentsapi.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Listing through {@code ListAssessments} and the owner index of real dynalite: every page one {@code Query}, newest
 * {@code updatedAt} first, no item missing or repeated, also while other items change.
 *
 * <p>What a client walking the pages sees when an item changes meanwhile (the rule the tests hold): the change
 * moves the item to the front, before the page the client is at, so this walk does not show it again (an item
 * already seen is never repeated) or, when not reached yet, does not show it at all; a new walk from the first
 * page shows it first. Every item that does not change during the walk appears exactly once, in order.
 */
class OwnerListingTest {

    private static final Set<String> API_FIELDS = Set.copyOf(AssessmentFields.IN_ORDER);

    private final StoreFixture store = new StoreFixture();
    private final UpdateAssessment updates = new UpdateAssessment(store.repository, Clock.systemUTC());

    @ParameterizedTest
    @ValueSource(ints = {20, 50, 100})
    void pagesHoldEveryItemOnceNewestFirst(int limit) {
        List<Assessment> stored = store.storeItems(250, store.user.userId());
        List<List<Assessment>> pages = store.walk(new ListQuery(Set.of(), limit));

        assertEquals(
                reversedIds(stored), ids(pages.stream().flatMap(List::stream).toList()));
        for (int i = 0; i < pages.size() - 1; i++) {
            assertEquals(limit, pages.get(i).size(), "without a filter every page but the last is full");
        }
        // 250 / limit pages, and one empty page more when the last full page could not know it was the last.
        assertEquals(250 / limit + 1, pages.size());
        assertEquals(250 % limit, pages.get(pages.size() - 1).size());
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 50, 100})
    void concurrentUpdatesOfOtherItemsNeitherHideNorRepeatAnyItem(int limit) throws Exception {
        List<Assessment> stable = store.storeItems(250, store.user.userId());
        List<Assessment> moving = store.storeItems(25, store.user.userId()); // interleaved in time with the stable ones
        AtomicBoolean walking = new AtomicBoolean(true);
        Set<String> changed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                for (int round = 0; walking.get() || round == 0; round++) {
                    Assessment item = moving.get((writer + 4 * round) % moving.size());
                    updates.execute(item.id(), store.user, rename("round " + round));
                    changed.add(item.id());
                }
            }));
        }
        List<List<Assessment>> pages;
        try {
            pages = store.walk(new ListQuery(Set.of(), limit));
        } finally {
            walking.set(false);
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writers.shutdown();
        }
        List<String> seen = ids(pages.stream().flatMap(List::stream).toList());
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no item is listed twice in one walk");
        Set<String> movingIds = Set.copyOf(ids(moving));
        assertEquals(
                reversedIds(stable),
                seen.stream().filter(id -> !movingIds.contains(id)).toList(),
                "every item that did not change is listed exactly once, in order");
        assertTrue(changed.size() >= 4, "updates ran during the walk: " + changed.size());
        // A new walk shows the changed items first.
        ListOutcome.Page first =
                (ListOutcome.Page) store.listing.execute(store.user, new ListQuery(Set.of(), 100), Optional.empty());
        assertEquals(changed, Set.copyOf(ids(first.items()).subList(0, changed.size())));
    }

    @Test
    void anItemChangedDuringAWalkMovesToTheFrontOfTheNextOne() {
        List<Assessment> stored = store.storeItems(60, store.user.userId());
        List<String> newestFirst = reversedIds(stored);
        ListQuery query = new ListQuery(Set.of(), 20);
        ListOutcome.Page page1 = (ListOutcome.Page) store.listing.execute(store.user, query, Optional.empty());
        assertEquals(newestFirst.subList(0, 20), ids(page1.items()));

        String seenAlready = newestFirst.get(5);
        String notReachedYet = newestFirst.get(45);
        updates.execute(seenAlready, store.user, rename("changed after being listed"));
        updates.execute(notReachedYet, store.user, rename("changed before being listed"));

        List<String> rest = new ArrayList<>();
        Optional<String> cursor = page1.nextCursor();
        while (cursor.isPresent()) {
            ListOutcome.Page page = (ListOutcome.Page) store.listing.execute(store.user, query, cursor);
            rest.addAll(ids(page.items()));
            cursor = page.nextCursor();
        }
        List<String> expectedRest = new ArrayList<>(newestFirst.subList(20, 60));
        expectedRest.remove(notReachedYet);
        assertEquals(expectedRest, rest, "the walk goes on after its position: the changed items are behind it");

        ListOutcome.Page fresh = (ListOutcome.Page) store.listing.execute(store.user, query, Optional.empty());
        assertEquals(List.of(notReachedYet, seenAlready), ids(fresh.items()).subList(0, 2));
    }

    @Test
    void aStatusFilterListsOnlyThoseStatusesReadingLimitItemsPerPage() {
        List<Assessment> stored = store.storeItems(250, store.user.userId());
        for (Set<AssessmentStatus> statuses : List.of(
                Set.of(AssessmentStatus.DRAFT),
                Set.of(AssessmentStatus.DRAFT, AssessmentStatus.COMPLETE),
                Set.of(AssessmentStatus.ACTION_REQUIRED))) {
            List<List<Assessment>> pages = store.walk(new ListQuery(statuses, 20));
            List<String> expected = reversedIds(
                    stored.stream().filter(a -> statuses.contains(a.status())).toList());
            assertEquals(expected, ids(pages.stream().flatMap(List::stream).toList()), statuses.toString());
            // One Query per page of 20 items read: 13 pages for 250 items, each holding only the matching ones.
            assertEquals(13, pages.size(), statuses.toString());
            assertTrue(pages.stream().allMatch(page -> page.size() < 20), "filtered pages come back short");
        }
    }

    @Test
    void aCursorOpensOnlyForItsUserAndItsQuery() {
        store.storeItems(30, store.user.userId());
        Caller.User other = new Caller.User("auth0|other-" + store.user.userId());
        store.storeItems(30, other.userId());
        ListQuery query = new ListQuery(Set.of(), 10);
        String cursor = ((ListOutcome.Page) store.listing.execute(store.user, query, Optional.empty()))
                .nextCursor()
                .orElseThrow();

        assertInstanceOf(ListOutcome.InvalidCursor.class, store.listing.execute(other, query, Optional.of(cursor)));
        assertInstanceOf(
                ListOutcome.InvalidCursor.class,
                store.listing.execute(store.user, new ListQuery(Set.of(), 11), Optional.of(cursor)));
        assertInstanceOf(
                ListOutcome.InvalidCursor.class,
                store.listing.execute(
                        store.user, new ListQuery(Set.of(AssessmentStatus.DRAFT), 10), Optional.of(cursor)));
        String altered = cursor.substring(0, 30) + (cursor.charAt(30) == 'A' ? 'B' : 'A') + cursor.substring(31);
        assertInstanceOf(
                ListOutcome.InvalidCursor.class, store.listing.execute(store.user, query, Optional.of(altered)));
        assertInstanceOf(ListOutcome.Page.class, store.listing.execute(store.user, query, Optional.of(cursor)));
    }

    @Test
    void evenAPositionInsideAnotherUsersItemsListsOnlyTheCallersOwn() {
        List<Assessment> mine = store.storeItems(10, store.user.userId());
        String other = "auth0|other-" + store.user.userId();
        List<Assessment> theirs = store.storeItems(10, other);
        Assessment newestOfTheirs = theirs.get(theirs.size() - 1);
        // What a forged cursor could at most carry: a position taken from another user's items.
        var page = store.repository.list(
                store.user.userId(),
                new ListQuery(Set.of(), 100),
                Optional.of(new PagePosition(newestOfTheirs.updatedAt().plusMillis(1), newestOfTheirs.id())));
        assertEquals(reversedIds(mine), ids(page.items()));
    }

    @Test
    void listedItemsAreTheStoredAssessmentsWithoutInternalAttributes() {
        Assessment first = store.storeItems(1, store.user.userId()).get(0);
        store.repository.update(
                first.id(),
                new Caller.InternalService("analysis"),
                new AssessmentUpdate(
                        new AssessmentChanges(null, null, null, AssessmentStatus.ANALYZING, null, null, null),
                        OptionalLong.empty(),
                        Optional.of("event-1")),
                StoreFixture.PAST.plusSeconds(1));
        Assessment current = store.repository.find(first.id()).orElseThrow();
        ListOutcome.Page page =
                (ListOutcome.Page) store.listing.execute(store.user, new ListQuery(Set.of(), 20), Optional.empty());
        assertEquals(List.of(current), page.items(), "all fourteen fields come from the index");

        assertTrue(store.env.rawItem(TestEnvironment.TABLE, first.id()).containsKey("appliedEvent1"));
        Map<String, AttributeValue> indexed = store.env
                .dynamoDb
                .query(b -> b.tableName(TestEnvironment.TABLE)
                        .indexName(AssessmentsTable.OWNER_INDEX)
                        .keyConditionExpression("userId = :u")
                        .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(store.user.userId()))))
                .items()
                .get(0);
        assertFalse(
                indexed.keySet().stream().anyMatch(name -> name.startsWith("appliedEvent")),
                indexed.keySet().toString());
        assertTrue(API_FIELDS.containsAll(indexed.keySet()), indexed.keySet().toString());
    }

    private static AssessmentUpdate rename(String name) {
        return new AssessmentUpdate(
                new AssessmentChanges(name, null, null, null, null, null, null), OptionalLong.empty());
    }

    private static List<String> reversedIds(List<Assessment> items) {
        return items.stream()
                .sorted(Comparator.comparing(Assessment::updatedAt).reversed())
                .map(Assessment::id)
                .toList();
    }
}
