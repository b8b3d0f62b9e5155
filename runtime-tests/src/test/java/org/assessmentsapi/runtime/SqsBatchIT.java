package org.assessmentsapi.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SQS batches through the runtime interface client: the batch response lists exactly the messages SQS must not
 * delete, and the deadline the runtime gives the function (a real {@code Context}) is honoured.
 */
class SqsBatchIT extends BothFunctionsRunning {

    @BeforeAll
    static void start() {
        startBoth("batch");
    }

    @Test
    void aMixedBatchReportsExactlyTheBadMessagesAndAppliesTheGoodOne() {
        String valid = lambda.create(api);
        String stale = lambda.create(api);
        api.invoke(lambda.sample("put-assessment.json", stale));
        assertEquals(2, lambda.version(stale));
        String invalidStatus = lambda.create(api);

        Map<String, String> batch = new LinkedHashMap<>();
        batch.put("valid", lambda.updateEvent(valid, 1));
        batch.put("malformed-json", "{\"version\":\"0\",\"detail\":{");
        batch.put("stale-version", lambda.updateEvent(stale, 1));
        batch.put("unknown-id", lambda.updateEvent(UUID.randomUUID().toString(), 1));
        batch.put(
                "invalid-status",
                lambda.updateEvent(invalidStatus, 1).replace("\"ACTION_REQUIRED\"", "\"NOT_A_STATUS\""));
        JsonNode response = events.invoke(lambda.sqsEvent(batch));

        assertEquals(
                Set.of("malformed-json", "stale-version", "unknown-id", "invalid-status"),
                failures(response),
                response::toString);
        assertEquals(2, lambda.version(valid), "the valid message is applied");
        assertEquals(2, lambda.version(stale), "nothing written for a stale version");
        assertEquals(1, lambda.version(invalidStatus), "nothing written for an invalid status");
    }

    @Test
    void withADeadlineAFewSecondsAwayNoMessageIsAttemptedAndAllAreReported() {
        String first = lambda.create(api);
        String second = lambda.create(api);
        Map<String, String> batch = new LinkedHashMap<>();
        batch.put("first", lambda.updateEvent(first, 1));
        batch.put("second", lambda.updateEvent(second, 1));
        // Less than the time one message may take (the DynamoDB call timeout and a second): not worth starting.
        JsonNode response = events.invoke(lambda.sqsEvent(batch), Instant.now().plusSeconds(3));

        assertEquals(Set.of("first", "second"), failures(response), response::toString);
        assertEquals(1, lambda.version(first));
        assertEquals(1, lambda.version(second));
        String log = events.process().stdout();
        assertEquals(
                2,
                log.lines()
                        .filter(line -> line.contains("not attempted: too little time left"))
                        .count(),
                log);
    }

    @Test
    void aBatchWithTheDefaultDeadlineIsProcessed() {
        String id = lambda.create(api);
        JsonNode response = events.invoke(
                lambda.sqsEvent(Map.of("only", lambda.updateEvent(id, 1))),
                Instant.now().plus(Duration.ofSeconds(30)));
        assertEquals(Set.of(), failures(response), response::toString);
        assertEquals(2, lambda.version(id));
    }

    private static Set<String> failures(JsonNode response) {
        return StreamSupport.stream(response.path("batchItemFailures").spliterator(), false)
                .map(failure -> failure.path("itemIdentifier").asText())
                .collect(Collectors.toSet());
    }
}
