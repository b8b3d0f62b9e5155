package org.assessmentsapi.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.assessmentsapi.application.UpdateOutcome;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.AssessmentChanges;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.support.AllOldOnFailedCondition;
import org.assessmentsapi.support.CallRecorder;
import org.assessmentsapi.support.LostFirstAnswer;
import org.assessmentsapi.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * An SDK retry of an update whose first attempt was applied but whose answer was lost: the retry's version
 * condition fails on the item the first attempt wrote, and the client must still get that item (200), not a
 * 409 for its own change. A real writer in between still makes it a conflict.
 */
class RetriedUpdateTest {

    private final StoreFixture store = new StoreFixture();

    @Test
    void onDynaliteTheRetryAnswersTheItemItsFirstAttemptWrote() {
        Assessment item = stored();
        LostFirstAnswer lost = new LostFirstAnswer();
        CallRecorder calls = new CallRecorder();

        UpdateOutcome outcome = repositoryWith(calls, lost).update(item.id(), store.user, progressAt(42, 1), now());

        assertTrue(lost.happened());
        assertEquals(List.of("UpdateItem", "UpdateItem", "GetItem"), calls.operations());
        Assessment answered =
                assertInstanceOf(UpdateOutcome.Updated.class, outcome).assessment();
        assertEquals(2, answered.version());
        assertEquals(0, new BigDecimal("42").compareTo(answered.progress()));
        assertEquals(answered, store.repository.find(item.id()).orElseThrow(), "the answer is what is stored");
    }

    @Test
    void whereDynamoDbReturnsTheOldItemTheRetryNeedsNoRead() {
        Assessment item = stored();
        CallRecorder calls = new CallRecorder();
        var likeDynamoDb = repositoryWith(
                calls, new LostFirstAnswer(), new AllOldOnFailedCondition(store.env.dynamoDb, TestEnvironment.TABLE));

        UpdateOutcome outcome = likeDynamoDb.update(item.id(), store.user, progressAt(7, 1), now());

        assertEquals(List.of("UpdateItem", "UpdateItem"), calls.operations());
        assertEquals(
                2,
                assertInstanceOf(UpdateOutcome.Updated.class, outcome)
                        .assessment()
                        .version());
    }

    @Test
    void anotherWritersChangeAtTheSameVersionIsStillAConflict() {
        Assessment item = stored();
        assertInstanceOf(
                UpdateOutcome.Updated.class, store.repository.update(item.id(), store.user, progressAt(1, 1), now()));

        UpdateOutcome stale = store.repository.update(item.id(), store.user, progressAt(2, 1), now());

        assertEquals(new UpdateOutcome.VersionConflict(2), stale);
    }

    private DynamoDbAssessmentRepository repositoryWith(ExecutionInterceptor... interceptors) {
        return new DynamoDbAssessmentRepository(store.env.clientWith(interceptors), TestEnvironment.TABLE);
    }

    private Assessment stored() {
        return store.storeItems(1, store.user.userId()).get(0);
    }

    private static AssessmentUpdate progressAt(int progress, long version) {
        return new AssessmentUpdate(
                new AssessmentChanges(null, null, null, null, BigDecimal.valueOf(progress), null, null),
                OptionalLong.of(version));
    }

    private static Instant now() {
        return Instant.now();
    }
}
