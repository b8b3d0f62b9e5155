package org.assessmentsapi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assessmentsapi.devkit.AssessmentsTable;
import org.assessmentsapi.devkit.hostile.HostileRequest;
import org.assessmentsapi.devkit.hostile.HostileRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The hostile corpus of the handler tests, over real HTTP on loopback through the local runner, and
 * header tricks that only raw HTTP can carry. Every request gets a 4xx problem (from the API, or from the runner
 * for a request target it cannot parse), nothing internal, no injected response header,
 * and the stored item stays attribute-for-attribute the same.
 */
class HostileHttpTest {

    static final long SEED = Long.getLong("hostile.seed", 20_260_304L);
    static final int COUNT = Integer.getInteger("hostile.http.count", 1_000);
    private static final int CHECK_EVERY = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalApi api;
    private static DynamoDbClient store;
    private static String token;

    @BeforeAll
    static void start() {
        api = LocalApi.start(LocalOptions.ephemeral(Map.of()));
        store = AssessmentsTable.localClient(api.config().dynamoDbEndpoint().orElseThrow());
        token = api.mintToken("hostile-" + System.nanoTime());
    }

    @AfterAll
    static void stop() {
        store.close();
        api.close();
    }

    @Test
    void generatedHostileRequestsOverHttpAreRefusedAndChangeNothing() {
        String id = new Http(api.baseUri()).create(token);
        Map<String, AttributeValue> before = storedItem(id);
        int itemsBefore = itemCount();
        HostileRequests corpus = new HostileRequests(SEED, id);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (int i = 0; i < COUNT && failures.size() < 20; i++) {
            HostileRequest request = corpus.next(i);
            if (!expressibleOverHttp(request)) {
                // Unpaired surrogates and control characters in header values cannot travel as such over
                // HTTP (an encoder replaces them, a CR/LF ends the header): the handler test covers them.
                outcomes.merge("not expressible over HTTP", 1, Integer::sum);
                continue;
            }
            sent++;
            List<String> headers = new ArrayList<>(List.of("Authorization: Bearer " + token));
            request.headers().forEach((name, value) -> headers.add(name + ": " + value));
            RawHttp.Response response = RawHttp.exchange(
                    api.port(),
                    request.method(),
                    target(request.pathId()) + (request.query() == null ? "" : "?" + request.query()),
                    headers,
                    request.bodyBytes());
            String problem = checkRefused(response);
            outcomes.merge(response.status() + (problem == null ? "" : " FAILED"), 1, Integer::sum);
            if (problem != null) {
                failures.add("#" + i + " " + request.describe() + ": " + problem);
            }
            if ((i + 1) % CHECK_EVERY == 0 && !before.equals(storedItem(id))) {
                failures.add("the stored item changed within requests #" + (i + 1 - CHECK_EVERY) + "..#" + i);
                break;
            }
        }
        System.out.println("hostile corpus over HTTP: seed " + SEED + ", " + sent + " sent, outcomes " + outcomes);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(before, storedItem(id));
        assertEquals(itemsBefore, itemCount(), "no request created an item");
        assertTrue(sent >= COUNT * 9 / 10, "most of the corpus went over the wire: " + sent);
    }

    @Test
    void headerTricksOnlyRawHttpCanSendAreRefused() {
        String id = new Http(api.baseUri()).create(token);
        Map<String, AttributeValue> before = storedItem(id);
        String path = "/api/assessments/" + id;
        byte[] valid = "{\"name\":\"injected\",\"progress\":99}".getBytes(StandardCharsets.UTF_8);
        String auth = "Authorization: Bearer " + token;
        // The JDK HTTP server trims control characters at the ends of a header value before the runner sees
        // it (API Gateway has its own rules), so the NULs here sit inside the values, where they reach the API.
        List<List<String>> tricks = List.of(
                List.of(auth, "Content-Type: application/json\u0000; charset=utf-8"),
                List.of(auth, "Content-Type: application/json", " X-Injected: folded"),
                List.of(auth, "Content-Type: application/json", "Content-Type: text/plain"),
                List.of(auth, "Content-Type: application/json; charset=utf-7"),
                List.of("Authorization: Bearer \u0000" + token, "Content-Type: application/json"),
                List.of("Authorization: Bearer\u000b" + token, "Content-Type: application/json"),
                List.of(auth + ", Bearer " + token, "Content-Type: application/json"));
        for (List<String> headers : tricks) {
            RawHttp.Response response = RawHttp.exchange(api.port(), "PUT", path, headers, valid);
            assertNull(checkRefused(response), () -> headers + " -> " + response.status() + " " + response.body());
        }
        List<String> jsonHeaders = List.of(auth, "Content-Type: application/json");
        String[] targets = {
            "/api/assessments/%0d%0aSet-Cookie:%20a=b",
            "/api/assessments/" + id + "%0d%0aX-Injected:%201",
            "/api/assessments/" + id + "/../" + id,
            "/api/assessments/" + id.toUpperCase() + "%00"
        };
        for (String target : targets) {
            RawHttp.Response response = RawHttp.exchange(api.port(), "PUT", target, jsonHeaders, valid);
            assertNull(checkRefused(response), () -> target + " -> " + response.status() + " " + response.body());
        }
        byte[] invalidUtf8 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'};
        assertNull(checkRefused(RawHttp.exchange(api.port(), "PUT", path, jsonHeaders, invalidUtf8)));
        assertEquals(before, storedItem(id), "no trick wrote anything");
    }

    /** Null when the response is a clean refusal, else what is wrong with it. */
    private static String checkRefused(RawHttp.Response response) {
        if (response.status() < 400 || response.status() >= 500) {
            return "expected a 4xx, got " + response.status() + ": " + response.body();
        }
        if (response.body().contains("Exception") || response.body().contains("\tat ")) {
            return "internal detail in the answer: " + response.body();
        }
        for (String injected : List.of("set-cookie", "x-injected", "location")) {
            if (response.header(injected) != null) {
                return "injected response header " + injected;
            }
        }
        if (!"application/problem+json".equals(response.header("content-type"))) {
            return "not a problem: " + response.header("content-type");
        }
        if (response.body().isEmpty()) {
            return null; // the answer to a HEAD request: the status and headers, never a body
        }
        try {
            var status = JSON.readTree(response.body()).get("status");
            return status != null && status.asInt() == response.status()
                    ? null
                    : "problem status differs: " + response.body();
        } catch (java.io.IOException e) {
            return "problem body is not JSON";
        }
    }

    private static boolean expressibleOverHttp(HostileRequest request) {
        boolean wellFormedText =
                request.text() == null || StandardCharsets.UTF_8.newEncoder().canEncode(request.text());
        boolean plainHeaders =
                request.headers().values().stream().allMatch(v -> v.chars().allMatch(c -> c >= 0x20 && c < 0x7F));
        return wellFormedText && plainHeaders;
    }

    /** The request target: the path id percent-encoded where the request line could not carry it. */
    private static String target(String pathId) {
        if (pathId == null) {
            return "/api/assessments";
        }
        StringBuilder out = new StringBuilder("/api/assessments/");
        for (byte b : pathId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~%/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private static Map<String, AttributeValue> storedItem(String id) {
        return store.getItem(b -> b.tableName(api.config().tableName())
                        .key(Map.of("id", AttributeValue.fromS(id)))
                        .consistentRead(true))
                .item();
    }

    private static int itemCount() {
        return store.scan(b -> b.tableName(api.config().tableName()).select(Select.COUNT))
                .count();
    }
}
