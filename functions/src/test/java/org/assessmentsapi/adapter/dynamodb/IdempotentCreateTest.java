package org.assessmentsapi.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.assessmentsapi.application.CreateAssessment;
import org.assessmentsapi.application.CreateOutcome;
import org.assessmentsapi.application.ListOutcome;
import org.assessmentsapi.application.ListQuery;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.AssessmentChanges;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.Caller;
import org.assessmentsapi.domain.IdempotencyKey;
import org.assessmentsapi.domain.IntakeMode;
import org.assessmentsapi.domain.NewAssessment;
import org.assessmentsapi.support.AllOldOnFailedCondition;
import org.assessmentsapi.support.CallRecorder;
import org.assessmentsapi.support.TestEnvironment;
import org.junit.jupiter.api.Test;

/** Creations with an idempotency key on real dynalite: one conditional {@code PutItem}, one item per user and key. */
class IdempotentCreateTest {

    private static final NewAssessment REQUEST =
            new NewAssessment("Q1 supplier review", "Acme", "Cooperative", "FR", IntakeMode.GUIDED_INTERVIEW);

    private final StoreFixture store = new StoreFixture();
    private final IdempotencyKey key = new IdempotencyKey(UUID.randomUUID().toString());

    @Test
    void aRetryGetsTheFirstAnswerAndNoSecondItem() {
        CreateAssessment creation = new CreateAssessment(store.repository, Clock.systemUTC(), UUID::randomUUID);
        Assessment first = assertInstanceOf(CreateOutcome.Created.class, creation.execute(REQUEST, store.user, key))
                .assessment();
        Assessment again = assertInstanceOf(CreateOutcome.Replayed.class, creation.execute(REQUEST, store.user, key))
                .assessment();
        assertEquals(first, again);
        assertEquals(Optional.of(first), store.repository.find(first.id()));
        assertEquals(List.of(first), listed());
    }

    @Test
    void theReplayIsTheFirstAnswerEvenAfterTheAssessmentChanged() {
        CreateAssessment creation = new CreateAssessment(store.repository, Clock.systemUTC(), UUID::randomUUID);
        Assessment first = ((CreateOutcome.Created) creation.execute(REQUEST, store.user, key)).assessment();
        store.repository.update(
                first.id(),
                store.user,
                new AssessmentUpdate(
                        new AssessmentChanges("renamed", null, null, null, null, null, null), OptionalLong.empty()),
                Instant.now());
        assertEquals(new CreateOutcome.Replayed(first), creation.execute(REQUEST, store.user, key));
        assertEquals("renamed", store.repository.find(first.id()).orElseThrow().name());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndWritesNothing() {
        CreateAssessment creation = new CreateAssessment(store.repository, Clock.systemUTC(), UUID::randomUUID);
        Assessment first = ((CreateOutcome.Created) creation.execute(REQUEST, store.user, key)).assessment();
        var other = new NewAssessment("Q1 supplier review", "Acme", "Cooperative", "DE", IntakeMode.GUIDED_INTERVIEW);
        assertEquals(
                new CreateOutcome.KeyReused(CreateOutcome.Reason.DIFFERENT_REQUEST),
                creation.execute(other, store.user, key));
        assertEquals(Optional.of(first), store.repository.find(first.id()));
        assertEquals(List.of(first), listed());
    }

    @Test
    void anotherUsersSameKeyIsAnotherAssessment() {
        CreateAssessment creation = new CreateAssessment(store.repository, Clock.systemUTC(), UUID::randomUUID);
        Assessment mine = ((CreateOutcome.Created) creation.execute(REQUEST, store.user, key)).assessment();
        Caller.User other = new Caller.User("auth0|other-" + store.user.userId());
        Assessment theirs = assertInstanceOf(CreateOutcome.Created.class, creation.execute(REQUEST, other, key))
                .assessment();
        assertNotEquals(mine.id(), theirs.id());
        assertEquals(other.userId(), theirs.userId());
    }

    @Test
    void theKeyAnswersForTwentyFourHoursFromTheCreation() {
        Instant created = Instant.parse("2026-06-01T10:00:00.000Z");
        Assessment first = ((CreateOutcome.Created) at(created).execute(REQUEST, store.user, key)).assessment();
        Instant lastReplay = created.plus(Duration.ofHours(24)).minusMillis(1);
        assertEquals(new CreateOutcome.Replayed(first), at(lastReplay).execute(REQUEST, store.user, key));
        assertEquals(
                new CreateOutcome.KeyReused(CreateOutcome.Reason.EXPIRED),
                at(created.plus(Duration.ofHours(24))).execute(REQUEST, store.user, key));
        assertEquals(List.of(first), listed());
    }

    @Test
    void sixteenConcurrentRetriesMakeOneItemAndOneId() throws Exception {
        CreateAssessment creation = new CreateAssessment(store.repository, Clock.systemUTC(), UUID::randomUUID);
        List<Callable<Object>> retries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            retries.add(() -> creation.execute(REQUEST, store.user, key));
        }
        @SuppressWarnings("unchecked")
        List<Object> outcomes = ConditionalDeleteTest.race(retries.toArray(Callable[]::new));
        assertEquals(
                1,
                outcomes.stream()
                        .filter(CreateOutcome.Created.class::isInstance)
                        .count(),
                outcomes.toString());
        assertEquals(
                15,
                outcomes.stream()
                        .filter(CreateOutcome.Replayed.class::isInstance)
                        .count(),
                outcomes.toString());
        Set<Assessment> answers = new HashSet<>();
        for (Object outcome : outcomes) {
            answers.add(
                    outcome instanceof CreateOutcome.Created created
                            ? created.assessment()
                            : ((CreateOutcome.Replayed) outcome).assessment());
        }
        assertEquals(1, answers.size(), "every answer is the same assessment: " + answers);
        assertEquals(List.copyOf(answers), listed());
    }

    @Test
    void oneCallOnTheSuccessPathAndOnTheReplayWhereTheServerReturnsTheOldItem() {
        CallRecorder calls = new CallRecorder();
        var likeDynamoDb = new DynamoDbAssessmentRepository(
                store.env.clientWith(calls, new AllOldOnFailedCondition(store.env.dynamoDb, TestEnvironment.TABLE)),
                TestEnvironment.TABLE);
        CreateAssessment creation = new CreateAssessment(likeDynamoDb, Clock.systemUTC(), UUID::randomUUID);
        creation.execute(REQUEST, store.user, key);
        assertEquals(List.of("PutItem"), calls.operations());
        calls.clear();
        assertInstanceOf(CreateOutcome.Replayed.class, creation.execute(REQUEST, store.user, key));
        assertEquals(List.of("PutItem"), calls.operations());

        CallRecorder onDynalite = new CallRecorder();
        var ignoringAllOld = new DynamoDbAssessmentRepository(store.env.clientWith(onDynalite), TestEnvironment.TABLE);
        assertInstanceOf(
                CreateOutcome.Replayed.class,
                new CreateAssessment(ignoringAllOld, Clock.systemUTC(), UUID::randomUUID)
                        .execute(REQUEST, store.user, key));
        assertEquals(List.of("PutItem", "GetItem"), onDynalite.operations(), "dynalite ignores ALL_OLD: one read");
    }

    @Test
    void theFingerprintStaysOnTheItemAndOutOfTheAssessment() {
        CreateAssessment creation = new CreateAssessment(store.repository, Clock.systemUTC(), UUID::randomUUID);
        Assessment first = ((CreateOutcome.Created) creation.execute(REQUEST, store.user, key)).assessment();
        assertTrue(store.env.rawItem(TestEnvironment.TABLE, first.id()).containsKey("idempotencyFingerprint"));
        var indexed = store.env
                .dynamoDb
                .query(b -> b.tableName(TestEnvironment.TABLE)
                        .indexName(OwnerIndex.NAME)
                        .keyConditionExpression("userId = :u")
                        .expressionAttributeValues(java.util.Map.of(
                                ":u",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                        store.user.userId()))))
                .items();
        assertFalse(indexed.get(0).containsKey("idempotencyFingerprint"), indexed.toString());
    }

    private CreateAssessment at(Instant instant) {
        return new CreateAssessment(store.repository, Clock.fixed(instant, ZoneOffset.UTC), UUID::randomUUID);
    }

    private List<Assessment> listed() {
        return ((ListOutcome.Page) store.listing.execute(store.user, new ListQuery(Set.of(), 100), Optional.empty()))
                .items();
    }
}
