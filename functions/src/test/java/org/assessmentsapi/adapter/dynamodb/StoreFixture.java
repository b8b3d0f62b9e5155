package org.assessmentsapi.adapter.dynamodb;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.assessmentsapi.adapter.cursors.HmacPageCursors;
import org.assessmentsapi.application.ListAssessments;
import org.assessmentsapi.application.ListOutcome;
import org.assessmentsapi.application.ListQuery;
import org.assessmentsapi.application.PageCursors;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.AssessmentStatus;
import org.assessmentsapi.domain.Caller;
import org.assessmentsapi.domain.IntakeMode;
import org.assessmentsapi.support.TestEnvironment;

/** The repository on the shared dynalite table, a fresh user per test, and items stored at chosen times. */
class StoreFixture {

    /** Long before any test runs: every update made now is newer than every item stored here. */
    static final Instant PAST = Instant.parse("2026-01-01T00:00:00.000Z");

    final TestEnvironment env = TestEnvironment.get();
    final DynamoDbAssessmentRepository repository =
            new DynamoDbAssessmentRepository(env.dynamoDb, TestEnvironment.TABLE);
    final PageCursors cursors =
            new HmacPageCursors("a test cursor key, 32 bytes long".getBytes(StandardCharsets.US_ASCII));
    final ListAssessments listing = new ListAssessments(repository, cursors);
    final Caller.User user = new Caller.User("auth0|" + UUID.randomUUID());

    /** {@code count} items of the user, the i-th updated at {@code PAST + i} ms, statuses in turn; oldest first. */
    List<Assessment> storeItems(int count, String owner) {
        List<Assessment> items = IntStream.range(0, count)
                .parallel()
                .mapToObj(i -> assessment(owner, PAST.plusMillis(i), AssessmentStatus.values()[i % 4]))
                .peek(repository::create)
                .toList();
        return new ArrayList<>(items);
    }

    static Assessment assessment(String owner, Instant updatedAt, AssessmentStatus status) {
        return new Assessment(
                UUID.randomUUID().toString(),
                "listed",
                "Acme",
                null,
                "FR",
                status,
                IntakeMode.UPLOAD,
                BigDecimal.ZERO,
                1,
                null,
                null,
                owner,
                PAST,
                updatedAt);
    }

    /** Follows {@code nextCursor} to the end; every page's items, in order. */
    List<List<Assessment>> walk(ListQuery query) {
        List<List<Assessment>> pages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            ListOutcome.Page page = (ListOutcome.Page) listing.execute(user, query, cursor);
            pages.add(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return pages;
    }

    static List<String> ids(List<Assessment> items) {
        return items.stream().map(Assessment::id).toList();
    }
}
