package org.assessmentsapi.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every sample event of {@code events/} through the runtime interface client, as Lambda would deliver it: the API
 * samples with a real token and the id of an assessment created in dynalite, the SQS sample (whose body is the
 * EventBridge sample) on such an assessment at version 1. The samples stay SAM-compatible: the placeholders are
 * replaced here, never in the files.
 */
class SampleEventsIT extends BothFunctionsRunning {

    @BeforeAll
    static void start() {
        startBoth("samples");
    }

    @Test
    void everySampleEventFileIsExercisedHere() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("events.dir")))) {
            Set<String> names = files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
            assertEquals(
                    Set.of(
                            "get-assessment.json",
                            "head-assessment.json",
                            "post-assessment.json",
                            "put-assessment.json",
                            "put-assessment-with-version.json",
                            "list-assessments.json",
                            "delete-assessment.json",
                            "sqs-assessment-update.json",
                            "eventbridge-assessment-update.json"),
                    names,
                    "a new sample event needs a test under the runtime here");
        }
    }

    @Test
    void postCreatesAnAssessmentAtVersionOne() {
        JsonNode response = api.invoke(lambda.sample("post-assessment.json", LocalLambda.SAMPLE_ID));
        assertEquals(201, response.path("statusCode").asInt(), response::toString);
        String location = LocalLambda.header(response, "Location");
        assertNotNull(location, response::toString);
        JsonNode body = LocalLambda.body(response);
        assertTrue(location.endsWith("/api/assessments/" + body.path("id").asText()), location);
        assertEquals(1, body.path("version").asLong());
        assertEquals("Q1 supplier review", body.path("name").asText());
        assertEquals("\"1\"", LocalLambda.header(response, "ETag"));
        assertTrue(LocalLambda.header(response, "Content-Type").startsWith("application/json"), response::toString);
        assertEquals(1, lambda.version(body.path("id").asText()));
    }

    /** HEAD answers GET's status and headers (the ETag too) with no body, as API Gateway passes it on. */
    @Test
    void headAnswersGetsHeadersWithoutABody() {
        String id = lambda.create(api);
        JsonNode get = api.invoke(lambda.sample("get-assessment.json", id));
        JsonNode head = api.invoke(lambda.sample("head-assessment.json", id));
        assertEquals(200, head.path("statusCode").asInt(), head::toString);
        assertEquals("\"1\"", LocalLambda.header(head, "ETag"));
        assertEquals(LocalLambda.header(get, "Content-Type"), LocalLambda.header(head, "Content-Type"));
        assertEquals("", head.path("body").asText(""), head::toString);
        assertEquals(
                404,
                api.invoke(lambda.sample(
                                "head-assessment.json",
                                java.util.UUID.randomUUID().toString()))
                        .path("statusCode")
                        .asInt());
    }

    @Test
    void getReturnsTheStoredAssessment() {
        String id = lambda.create(api);
        JsonNode response = api.invoke(lambda.sample("get-assessment.json", id));
        assertEquals(200, response.path("statusCode").asInt(), response::toString);
        JsonNode body = LocalLambda.body(response);
        assertEquals(id, body.path("id").asText());
        assertEquals("Acme Farming Cooperative", body.path("companyName").asText());
        assertEquals("\"1\"", LocalLambda.header(response, "ETag"));
    }

    @Test
    void putUpdatesTheAssessmentToVersionTwo() {
        String id = lambda.create(api);
        JsonNode response = api.invoke(lambda.sample("put-assessment.json", id));
        assertEquals(200, response.path("statusCode").asInt(), response::toString);
        JsonNode body = LocalLambda.body(response);
        assertEquals("ANALYZING", body.path("status").asText());
        assertEquals(40, body.path("progress").asInt());
        assertEquals(2, body.path("version").asLong());
        assertEquals("\"2\"", LocalLambda.header(response, "ETag"));
        assertEquals(2, lambda.version(id));
    }

    @Test
    void putWithTheCurrentVersionUpdatesAndWithAStaleOneIsAConflict() {
        String id = lambda.create(api);
        // The sample names version 3: bring the item there first.
        api.invoke(lambda.sample("put-assessment.json", id));
        api.invoke(lambda.sample("put-assessment.json", id));
        assertEquals(3, lambda.version(id));
        JsonNode response = api.invoke(lambda.sample("put-assessment-with-version.json", id));
        assertEquals(200, response.path("statusCode").asInt(), response::toString);
        assertEquals(75, LocalLambda.body(response).path("progress").asInt());
        assertEquals(4, LocalLambda.body(response).path("version").asLong());

        JsonNode stale = api.invoke(lambda.sample("put-assessment-with-version.json", id));
        assertEquals(409, stale.path("statusCode").asInt(), stale::toString);
        assertTrue(LocalLambda.header(stale, "Content-Type").startsWith("application/problem+json"), stale::toString);
        assertEquals(409, LocalLambda.body(stale).path("status").asInt());
        assertEquals(4, lambda.version(id), "nothing written on a conflict");
    }

    @Test
    void theListSampleListsTheCallersDraftsAndAnalyzingOnesNewestFirst() {
        String older = lambda.create(api);
        String newer = lambda.create(api);
        api.invoke(lambda.sample("put-assessment.json", older)); // ANALYZING now, and the newest change
        JsonNode response = api.invoke(lambda.sample("list-assessments.json", LocalLambda.SAMPLE_ID));
        assertEquals(200, response.path("statusCode").asInt(), response::toString);
        JsonNode items = LocalLambda.body(response).path("items");
        assertEquals(older, items.get(0).path("id").asText());
        assertEquals(newer, items.get(1).path("id").asText());
        assertTrue(LocalLambda.body(response).has("nextCursor"), response::toString);
    }

    @Test
    void theDeleteSampleDeletesAtVersionFiveOnly() {
        String id = lambda.create(api);
        JsonNode stale = api.invoke(lambda.sample("delete-assessment.json", id));
        assertEquals(412, stale.path("statusCode").asInt(), stale::toString);
        assertEquals(1, LocalLambda.body(stale).path("currentVersion").asLong());
        for (int i = 0; i < 4; i++) {
            api.invoke(lambda.sample("put-assessment.json", id)); // to version 5, the sample's If-Match
        }
        JsonNode deleted = api.invoke(lambda.sample("delete-assessment.json", id));
        assertEquals(204, deleted.path("statusCode").asInt(), deleted::toString);
        assertEquals(
                404,
                api.invoke(lambda.sample("get-assessment.json", id))
                        .path("statusCode")
                        .asInt());
    }

    @Test
    void theSqsSampleAppliesItsEventBridgeBodyToAnAssessmentAtVersionOne() {
        String id = lambda.create(api);
        String sample = lambda.sample("sqs-assessment-update.json", id);
        // The SQS sample's body is the EventBridge sample: one event, two transports.
        JsonNode eventBridge = LocalLambda.json(lambda.sample("eventbridge-assessment-update.json", id));
        assertEquals(
                eventBridge,
                LocalLambda.json(LocalLambda.json(sample)
                        .path("Records")
                        .get(0)
                        .path("body")
                        .asText()));

        JsonNode response = events.invoke(sample);
        assertEquals(0, response.path("batchItemFailures").size(), response::toString);
        assertEquals(2, lambda.version(id));
        JsonNode stored = LocalLambda.body(api.invoke(lambda.sample("get-assessment.json", id)));
        assertEquals("ACTION_REQUIRED", stored.path("status").asText());
        assertEquals("HIGH", stored.path("overallRiskLevel").asText());
    }
}
