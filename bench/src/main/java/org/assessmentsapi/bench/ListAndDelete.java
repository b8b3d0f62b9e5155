package org.assessmentsapi.bench;

import static org.assessmentsapi.bench.Warm.n;
import static org.assessmentsapi.bench.Warm.s;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.assessmentsapi.adapter.http.ApiHandler;
import org.assessmentsapi.bootstrap.AppConfig;
import org.assessmentsapi.bootstrap.DynamoDbClients;
import org.assessmentsapi.devkit.AssessmentsTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The list and the delete in one JVM (the stack's JVM options), each against the raw SDK call of the same work by
 * the same client, alternating: GET /api/assessments (the sample's status filter, 20 per page) against the same
 * {@code Query} of the owner index, first page and a page after a cursor; DELETE with {@code If-Match} against the
 * same conditional {@code DeleteItem} (each call deletes an item created beforehand, untimed).
 */
final class ListAndDelete {

    private static final int LISTED_ITEMS = 45;

    private ListAndDelete() {}

    static void run(Report report, int warmup, int calls) {
        try (Fixture fixture = Fixture.start()) {
            Map<String, String> env = fixture.appEnv();
            AppConfig config = AppConfig.fromEnvironment(env);
            DynamoDbClient client = DynamoDbClients.create(config, env);
            ApiHandler handler = Fixture.handler(config, client);
            for (int i = 0; i < LISTED_ITEMS; i++) {
                fixture.newItem();
            }

            String listJson = Fixture.eventJson("list-assessments.json", null, fixture.token);
            byte[] firstPage = bytes(listJson);
            QueryResponse rawFirst = client.query(rawQuery(null));
            String cursor = nextCursor(Fixture.invoke(handler, firstPage));
            byte[] secondPage = bytes(listJson.replace(
                    "limit=20&status=DRAFT&status=ANALYZING",
                    "limit=20&status=DRAFT&status=ANALYZING&cursor=" + cursor));
            IntSupplier handlerFirst = () -> Fixture.status(handler, firstPage);
            IntSupplier rawFirstPage = () -> {
                client.query(rawQuery(null));
                return 200;
            };
            IntSupplier handlerSecond = () -> Fixture.status(handler, secondPage);
            IntSupplier rawSecondPage = () -> {
                client.query(rawQuery(rawFirst.lastEvaluatedKey()));
                return 200;
            };
            String firstLoad = Stats.load();
            Warm.Pair first = Warm.alternate(handlerFirst, rawFirstPage, 200, warmup, calls);
            Warm.Pair second = Warm.alternate(handlerSecond, rawSecondPage, 200, warmup / 2, calls / 2);

            // Every DELETE call, timed or not, removes an item of its own, made before the timing starts.
            int deletes = warmup / 2 + calls / 2;
            List<byte[]> handlerDeletes = new ArrayList<>(deletes);
            List<String> rawDeletes = new ArrayList<>(deletes);
            for (int i = 0; i < deletes; i++) {
                handlerDeletes.add(bytes(Fixture.eventJson("delete-assessment.json", fixture.newItem(), fixture.token)
                        .replace("\"if-match\": \"\\\"5\\\"\"", "\"if-match\": \"\\\"1\\\"\"")));
                rawDeletes.add(fixture.newItem());
            }
            AtomicInteger nextHandler = new AtomicInteger();
            AtomicInteger nextRaw = new AtomicInteger();
            IntSupplier handlerDelete =
                    () -> Fixture.status(handler, handlerDeletes.get(nextHandler.getAndIncrement()));
            IntSupplier rawDelete = () -> {
                client.deleteItem(rawDelete(rawDeletes.get(nextRaw.getAndIncrement())));
                return 204;
            };
            Warm.Pair delete = Warm.alternate(handlerDelete, rawDelete, 204, warmup / 2, calls / 2);

            report.line("### List and delete, one JVM (" + Fixture.jitLabel() + "; " + warmup
                    + " warm-up pairs, then "
                    + calls + " first-page pairs, " + calls / 2 + " cursor-page pairs, " + calls / 2
                    + " DELETE pairs, alternating;"
                    + " load " + firstLoad + " -> " + Stats.load() + ")");
            report.line("");
            report.line(
                    "| path | handler p50 (ms) | raw SDK p50 (ms) | p50 ratio | handler p99 (ms) | raw SDK p99 (ms) | p99 ratio |");
            report.line("|---|---|---|---|---|---|---|");
            report.line(first.row("GET list 200, first page of 20 (status filter) vs Query"));
            report.line(second.row("GET list 200, the page after a cursor vs Query with ExclusiveStartKey"));
            report.line(delete.row("DELETE 204 with If-Match vs conditional DeleteItem"));
            report.line("");
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code nextCursor} of a list answer (the response JSON, whose body is the page's JSON). */
    private static String nextCursor(byte[] response) {
        try {
            ObjectMapper json = new ObjectMapper();
            return json.readTree(json.readTree(response).get("body").asText())
                    .get("nextCursor")
                    .asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Query the repository sends for the sample list request, built by hand. */
    private static QueryRequest rawQuery(Map<String, AttributeValue> exclusiveStartKey) {
        var request = QueryRequest.builder()
                .tableName(Fixture.TABLE)
                .indexName(AssessmentsTable.OWNER_INDEX)
                .keyConditionExpression("#userId = :userId")
                .filterExpression("#status IN (:status0, :status1)")
                .expressionAttributeNames(Map.of("#userId", "userId", "#status", "status"))
                .expressionAttributeValues(
                        Map.of(":userId", s(Fixture.USER), ":status0", s("DRAFT"), ":status1", s("ANALYZING")))
                .scanIndexForward(false)
                .limit(20);
        if (exclusiveStartKey != null && !exclusiveStartKey.isEmpty()) {
            request.exclusiveStartKey(exclusiveStartKey);
        }
        return request.build();
    }

    /** The DeleteItem the repository sends for a DELETE with If-Match: "1", built by hand. */
    private static DeleteItemRequest rawDelete(String id) {
        Map<String, AttributeValue> values =
                new HashMap<>(Map.of(":caller", s(Fixture.USER), ":expectedVersion", n("1")));
        return DeleteItemRequest.builder()
                .tableName(Fixture.TABLE)
                .key(Map.of("id", s(id)))
                .conditionExpression("attribute_exists(#id) AND #userId = :caller AND #version = :expectedVersion")
                .expressionAttributeNames(Map.of("#id", "id", "#userId", "userId", "#version", "version"))
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }
}
