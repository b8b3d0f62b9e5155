package org.assessmentsapi.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assessmentsapi.application.DeleteAssessment;
import org.assessmentsapi.application.DeleteOutcome;
import org.assessmentsapi.application.ListOutcome;
import org.assessmentsapi.application.ListQuery;
import org.assessmentsapi.application.UpdateAssessment;
import org.assessmentsapi.application.UpdateOutcome;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.AssessmentChanges;
import org.assessmentsapi.domain.AssessmentStatus;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.Caller;
import org.assessmentsapi.support.AllOldOnFailedCondition;
import org.assessmentsapi.support.CallRecorder;
import org.assessmentsapi.support.TestEnvironment;
import org.junit.jupiter.api.Test;

/** One conditional {@code DeleteItem} on real dynalite: exists AND owner AND (optionally) version; races have one winner. */
class ConditionalDeleteTest {

    private static final int ROUNDS = 20;

    private final StoreFixture store = new StoreFixture();
    private final DeleteAssessment deletes = new DeleteAssessment(store.repository);
    private final UpdateAssessment updates = new UpdateAssessment(store.repository, Clock.systemUTC());

    @Test
    void aDeletedAssessmentIsGoneForGetUpdateDeleteAndTheList() {
        Assessment item = stored();
        assertEquals(new DeleteOutcome.Deleted(), deletes.execute(item.id(), store.user, OptionalLong.empty()));
        assertEquals(Optional.empty(), store.repository.find(item.id()));
        assertEquals(new UpdateOutcome.NotFound(), updates.execute(item.id(), store.user, progress(1)));
        assertEquals(new DeleteOutcome.NotFound(), deletes.execute(item.id(), store.user, OptionalLong.empty()));
        assertEquals(
                List.of(),
                ((ListOutcome.Page) store.listing.execute(store.user, new ListQuery(Set.of(), 20), Optional.empty()))
                        .items());
    }

    @Test
    void anotherUsersAssessmentIsNotFoundAndStays() {
        Assessment item = stored();
        Caller.User other = new Caller.User("auth0|someone-else");
        assertEquals(new DeleteOutcome.NotFound(), deletes.execute(item.id(), other, OptionalLong.empty()));
        assertEquals(new DeleteOutcome.NotFound(), deletes.execute(item.id(), other, OptionalLong.of(1)));
        assertEquals(Optional.of(item), store.repository.find(item.id()));
    }

    @Test
    void theExpectedVersionMustBeTheCurrentOne() {
        Assessment item = stored();
        updates.execute(item.id(), store.user, progress(10)); // now at version 2
        assertEquals(new DeleteOutcome.VersionMismatch(2), deletes.execute(item.id(), store.user, OptionalLong.of(1)));
        assertTrue(store.repository.find(item.id()).isPresent());
        assertEquals(new DeleteOutcome.Deleted(), deletes.execute(item.id(), store.user, OptionalLong.of(2)));
    }

    @Test
    void twoDeletesHaveOneWinner() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Assessment item = stored();
            List<Object> outcomes = race(
                    () -> deletes.execute(item.id(), store.user, OptionalLong.empty()),
                    () -> deletes.execute(item.id(), store.user, OptionalLong.empty()));
            assertEquals(
                    1,
                    outcomes.stream()
                            .filter(new DeleteOutcome.Deleted()::equals)
                            .count(),
                    outcomes.toString());
            assertTrue(outcomes.contains(new DeleteOutcome.NotFound()), outcomes.toString());
        }
    }

    @Test
    void aDeleteAndAnUpdateAtTheSameVersionHaveOneWinner() throws Exception {
        int deleteWon = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Assessment item = stored();
            List<Object> outcomes = race(
                    () -> deletes.execute(item.id(), store.user, OptionalLong.of(1)),
                    () -> updates.execute(
                            item.id(),
                            store.user,
                            new AssessmentUpdate(
                                    new AssessmentChanges(
                                            null, null, null, AssessmentStatus.ANALYZING, null, null, null),
                                    OptionalLong.of(1))));
            if (outcomes.get(0) instanceof DeleteOutcome.Deleted) {
                deleteWon++;
                assertEquals(new UpdateOutcome.NotFound(), outcomes.get(1));
                assertEquals(Optional.empty(), store.repository.find(item.id()));
            } else {
                assertEquals(new DeleteOutcome.VersionMismatch(2), outcomes.get(0));
                assertTrue(outcomes.get(1) instanceof UpdateOutcome.Updated, outcomes.toString());
                assertEquals(2, store.repository.find(item.id()).orElseThrow().version());
            }
        }
        System.out.println("delete vs update at version 1: the delete won " + deleteWon + " of " + ROUNDS);
    }

    @Test
    void aRefusalIsExplainedFromTheOldItemWithOneReadOnlyWhereTheServerIgnoresAllOld() {
        CallRecorder calls = new CallRecorder();
        var onDynalite = new DynamoDbAssessmentRepository(store.env.clientWith(calls), TestEnvironment.TABLE);
        Assessment item = stored();
        assertEquals(
                new DeleteOutcome.VersionMismatch(1),
                new DeleteAssessment(onDynalite).execute(item.id(), store.user, OptionalLong.of(7)));
        assertEquals(List.of("DeleteItem", "GetItem"), calls.operations());

        CallRecorder withAllOld = new CallRecorder();
        var likeDynamoDb = new DynamoDbAssessmentRepository(
                store.env.clientWith(
                        withAllOld, new AllOldOnFailedCondition(store.env.dynamoDb, TestEnvironment.TABLE)),
                TestEnvironment.TABLE);
        assertEquals(
                new DeleteOutcome.VersionMismatch(1),
                new DeleteAssessment(likeDynamoDb).execute(item.id(), store.user, OptionalLong.of(7)));
        assertEquals(
                new DeleteOutcome.NotFound(),
                new DeleteAssessment(likeDynamoDb)
                        .execute(item.id(), new Caller.User("auth0|x"), OptionalLong.empty()));
        assertEquals(
                new DeleteOutcome.Deleted(),
                new DeleteAssessment(likeDynamoDb).execute(item.id(), store.user, OptionalLong.of(1)));
        assertEquals(
                List.of("DeleteItem", "DeleteItem", "DeleteItem"),
                withAllOld.operations(),
                "no read besides the delete");
    }

    private Assessment stored() {
        return store.storeItems(1, store.user.userId()).get(0);
    }

    private static AssessmentUpdate progress(int value) {
        return new AssessmentUpdate(
                new AssessmentChanges(null, null, null, null, java.math.BigDecimal.valueOf(value), null, null),
                OptionalLong.empty());
    }

    /** Runs both at once (released together) and returns their outcomes in argument order. */
    @SafeVarargs
    static List<Object> race(Callable<? extends Object>... racers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (Callable<? extends Object> racer : racers) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return racer.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<?> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
