package org.assessmentsapi.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.assessmentsapi.devkit.AssessmentsTable;
import org.assessmentsapi.devkit.DevIssuer;
import org.assessmentsapi.devkit.Dynalite;
import org.assessmentsapi.devkit.lambda.Answer;
import org.assessmentsapi.devkit.lambda.LambdaFunction;
import org.assessmentsapi.devkit.lambda.LambdaProcess;
import org.assessmentsapi.devkit.lambda.RuntimeApi;
import org.assessmentsapi.devkit.lambda.TaskRoot;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the suite runs against: dynalite with the assessments table, the development issuer (real RS256 tokens,
 * a real JWKS endpoint), and the deployable jar ({@code -Dfunctions.jar}) unpacked once as a task root. Each
 * function runs under AWS's runtime interface client in a JVM of its own ({@link #start}), configured as the
 * stack configures it; the tests see only JSON in and JSON out, and the table.
 */
final class LocalLambda implements AutoCloseable {

    /** Base64 of 32 bytes, a fixed test key: what the stack's {@code CursorKey} secret is to the API function. */
    static final String CURSOR_KEY = java.util.Base64.getEncoder()
            .encodeToString("runtime-tests cursor key, 32 B!!".getBytes(StandardCharsets.US_ASCII));

    static final String API_HANDLER = "org.assessmentsapi.adapter.http.ApiHandler";
    static final String EVENTS_HANDLER = "org.assessmentsapi.adapter.events.AssessmentEventsHandler";
    static final String TABLE = "assessments";
    static final String USER = "runtime-test-user";
    /** The assessment id that the sample events carry. */
    static final String SAMPLE_ID = "3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f7a8b9c";

    static final String TOKEN_PLACEHOLDER = "REPLACE_WITH_A_TOKEN";
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    final Dynalite dynalite;
    final DevIssuer issuer;
    final DynamoDbClient table;
    final TaskRoot taskRoot;
    final String token;

    /** One function running: its Runtime API and its process. */
    record Running(RuntimeApi api, LambdaProcess process) implements AutoCloseable {

        /** Invokes the function with {@code event} and returns its response; fails on an error report. */
        JsonNode invoke(String event) {
            return invoke(event, Instant.now().plus(RuntimeApi.DEFAULT_TIMEOUT));
        }

        /** The same with the invocation's deadline ({@code Lambda-Runtime-Deadline-Ms}) at {@code deadline}. */
        JsonNode invoke(String event, Instant deadline) {
            Answer answer = await(api.invoke(event, deadline));
            assertEquals(
                    false, answer.error(), () -> "the function reported an error: " + answer + "\n" + process.output());
            return json(answer.body());
        }

        /** Waits for a future of the Runtime API, failing at once if the process dies. */
        <T> T await(CompletableFuture<T> future) {
            return process.await(future, ANSWER_TIMEOUT);
        }

        /** Waits until the runtime asks for its first invocation (initialization done). */
        Running awaitReady() {
            await(api.ready());
            return this;
        }

        @Override
        public void close() {
            process.close();
            api.close();
        }
    }

    LocalLambda() {
        dynalite = Dynalite.start();
        issuer = DevIssuer.start();
        table = AssessmentsTable.localClient(dynalite.endpoint());
        AssessmentsTable.createIfMissing(table, TABLE);
        taskRoot = TaskRoot.unpack(Path.of(System.getProperty("functions.jar")));
        token = issuer.token(USER, Duration.ofHours(2));
    }

    /** The API function, configured as the stack configures it. */
    LambdaFunction api() {
        return events().withHandler(API_HANDLER)
                .withEnvironment(Map.of(
                        "JWT_ISSUER", issuer.issuer(),
                        "JWT_AUDIENCE", issuer.audience(),
                        "JWKS_URL", issuer.jwksUrl().toString(),
                        // Required on Lambda: the list cursors' HMAC key (the stack passes a generated secret).
                        "CURSOR_KEY", CURSOR_KEY));
    }

    /** The event-driven function: the store only. */
    LambdaFunction events() {
        return LambdaFunction.of(LambdaFunction.runtimeJarsFromProperty(), taskRoot.path(), EVENTS_HANDLER)
                .withEnvironment(Map.of(
                        "TABLE_NAME",
                        TABLE,
                        "DYNAMODB_ENDPOINT",
                        dynalite.endpoint().toString(),
                        // The stack's JVM options (without SnapStart the managed runtime also stops at C1: these
                        // tests check behaviour, not speed, so both kinds of start run the JVM's default here).
                        "JAVA_TOOL_OPTIONS",
                        "--enable-native-access=ALL-UNNAMED"));
    }

    /** Starts {@code function} under the runtime client; its output goes to {@code logs.dir}/{@code name}.*. */
    static Running start(LambdaFunction function, String name) {
        RuntimeApi api = RuntimeApi.start();
        Path logs = Path.of(System.getProperty("logs.dir", System.getProperty("java.io.tmpdir")));
        return new Running(api, LambdaProcess.start(api, function, logs, name));
    }

    /** A sample event from {@code events/}, with a real token in place of the placeholder and {@code id} in place of the sample id. */
    String sample(String file, String id) {
        try {
            String json = Files.readString(Path.of(System.getProperty("events.dir"), file), StandardCharsets.UTF_8);
            return json.replace(TOKEN_PLACEHOLDER, token).replace(SAMPLE_ID, id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an assessment through the API function with the sample POST; returns its id. */
    String create(Running api) {
        JsonNode response = api.invoke(sample("post-assessment.json", SAMPLE_ID));
        assertEquals(201, response.path("statusCode").asInt(), response::toString);
        String location = header(response, "Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** An SQS event of the given messages, each from the sample record with its own id and body. */
    String sqsEvent(Map<String, String> bodiesById) {
        ObjectNode event = (ObjectNode) json(sample("sqs-assessment-update.json", SAMPLE_ID));
        ObjectNode template = (ObjectNode) event.withArray("Records").get(0);
        var records = event.putArray("Records");
        bodiesById.forEach((messageId, body) ->
                records.add(template.deepCopy().put("messageId", messageId).put("body", body)));
        return event.toString();
    }

    /** The sample EventBridge update event for {@code assessmentId} at {@code expectedVersion}, with a new event id. */
    String updateEvent(String assessmentId, long expectedVersion) {
        ObjectNode event = (ObjectNode) json(sample("eventbridge-assessment-update.json", assessmentId));
        event.put("id", UUID.randomUUID().toString());
        ((ObjectNode) event.get("detail")).put("expectedVersion", expectedVersion);
        return event.toString();
    }

    /** The stored version of an assessment (a consistent read). */
    long version(String id) {
        return Long.parseLong(table.getItem(b -> b.tableName(TABLE)
                        .key(Map.of("id", AttributeValue.fromS(id)))
                        .consistentRead(true))
                .item()
                .get("version")
                .n());
    }

    /** How many items the table holds (a consistent scan). */
    int itemCount() {
        return table.scan(b -> b.tableName(TABLE).consistentRead(true)).count();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** A response header, whatever its case (HTTP header names are case-insensitive); null when absent. */
    static String header(JsonNode response, String name) {
        var fields = response.path("headers").fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue().asText();
            }
        }
        return null;
    }

    /** The JSON body of an API response. */
    static JsonNode body(JsonNode response) {
        return json(response.path("body").asText());
    }

    @Override
    public void close() {
        taskRoot.close();
        table.close();
        issuer.close();
        dynalite.close();
    }
}
