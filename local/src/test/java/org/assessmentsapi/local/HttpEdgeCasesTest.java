package org.assessmentsapi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP edge cases of the local runner, over real sockets: keep-alive and {@code Connection: close}, API Gateway's
 * header size quota (431), HEAD, case-sensitive methods, content codings. What the runner answers in API
 * Gateway's place carries the handler's problem shape and headers.
 */
class HttpEdgeCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UPDATE = "{\"progress\":42}";

    private static RunningLocalApi local;

    @BeforeAll
    static void start() {
        local = new RunningLocalApi("edge-" + UUID.randomUUID());
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    /** A page of a DNS-rebound name reaches this port with its own Host: it gets no development token. */
    @Test
    void tokensAreMintedOnlyForRequestsAddressedToALoopbackName() {
        byte[] body = "{\"sub\":\"rebound\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<String> json = List.of("Content-Type: application/json");
        RawHttp.Response local = RawHttp.exchange(port(), "POST", "/local/tokens", json, body);
        assertEquals(200, local.status(), local.body());

        List<String> rebound = List.of("Content-Type: application/json", "Host: rebound.example:" + port());
        RawHttp.Response refused = RawHttp.exchange(port(), "POST", "/local/tokens", rebound, body);
        assertEquals(404, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.header("content-type"));
        assertTrue(!refused.body().contains("token\""), refused.body());
    }

    private static int port() {
        return local.port();
    }

    @Test
    void aRequestWithConnectionCloseIsAnsweredWithConnectionCloseAndTheConnectionEnds() throws IOException {
        for (String value : List.of("close", "Close", "keep-alive, close")) {
            try (RawHttp.Connection connection = new RawHttp.Connection(local.port())) {
                RawHttp.Response response = connection.send(
                        "GET", "/api/assessments", List.of(auth(), "Connection: " + value), new byte[0]);
                assertEquals(200, response.status(), response.body());
                assertEquals("close", response.header("connection"), value);
                assertTrue(connection.closedByServer(), value);
            }
        }
    }

    /**
     * A keep-alive client: 300 requests of every kind (reads, writes, HEAD, refusals of the handler and of the
     * runner) over as few connections as the server allows; a third ask for {@code Connection: close}. The client
     * opens a new connection only when an answer says the connection ends, so every silent close is a failure.
     */
    @Test
    void aKeepAliveClientSends300RequestsWithoutOneFailure() throws IOException {
        String id = local.http.create(local.token);
        String item = "/api/assessments/" + id;
        List<String> json = List.of(auth(), "Content-Type: application/json");
        byte[] update = UPDATE.getBytes(StandardCharsets.UTF_8);
        List<Request> kinds = List.of(
                new Request("GET", item, List.of(auth()), new byte[0], 200),
                new Request("HEAD", item, List.of(auth()), new byte[0], 200),
                new Request("PUT", item, json, update, 200),
                new Request("GET", "/api/assessments?limit=2", List.of(auth()), new byte[0], 200),
                new Request("HEAD", "/api/assessments", List.of(auth()), new byte[0], 200),
                new Request("GET", item, List.of(auth(), "If-None-Match: *"), new byte[0], 304),
                new Request("GET", "/nowhere", List.of(auth()), new byte[0], 404),
                new Request("put", item, json, update, 404),
                new Request("PUT", item, List.of(auth(), "Content-Type: text/plain"), update, 415),
                new Request("PUT", item, List.of("Content-Type: application/json"), update, 401),
                new Request("GET", item, List.of(auth(), "X-Big: " + "b".repeat(11_000)), new byte[0], 431),
                new Request("POST", "/local/tokens", List.of(), new byte[0], 200));
        Map<String, Integer> failures = new TreeMap<>();
        int connections = 1;
        int closesAsked = 0;
        RawHttp.Connection connection = new RawHttp.Connection(local.port());
        try {
            for (int i = 0; i < 300; i++) {
                Request request = kinds.get(i % kinds.size());
                boolean close = i % 3 == 2;
                List<String> headers = new ArrayList<>(request.headers());
                if (close) {
                    headers.add("Connection: close");
                    closesAsked++;
                }
                RawHttp.Response response;
                try {
                    response = connection.send(request.method(), request.target(), headers, request.body());
                } catch (IOException e) {
                    response = new RawHttp.Response(0, Map.of(), e.toString());
                }
                if (response.status() != request.expected()) {
                    failures.merge(
                            request.method() + " " + request.expected() + " -> " + response.status(), 1, Integer::sum);
                }
                if (response.status() == 0 || response.closes()) {
                    connection.close();
                    connection = new RawHttp.Connection(local.port());
                    connections++;
                }
            }
        } finally {
            connection.close();
        }
        assertEquals(Map.of(), failures, "failed requests out of 300");
        assertEquals(closesAsked + 1, connections, "a new connection only after each Connection: close asked for");
    }

    @Test
    void headersAboveApiGatewaysQuotaAre431AndNothingIsWritten() throws IOException {
        String id = local.http.create(local.token);
        String target = "/api/assessments/" + id;
        String line = "PUT " + target + " HTTP/1.1";
        List<String> fixed = List.of(auth(), "Content-Type: application/json", "Content-Length: " + UPDATE.length());
        // The JDK server adds nothing; the quota counts the request line, Host's value and every other value.
        int used = line.length()
                + ("127.0.0.1:" + local.port()).length()
                + fixed.stream()
                        .mapToInt(h -> h.substring(h.indexOf(':') + 2).length())
                        .sum();
        int room = ExchangeHandler.API_GATEWAY_MAX_HEAD_BYTES - used;

        try (RawHttp.Connection atLimit = new RawHttp.Connection(local.port())) {
            RawHttp.Response response = atLimit.send(
                    "PUT", target, List.of(fixed.get(0), fixed.get(1), "X-Pad: " + "p".repeat(room)), bytes(UPDATE));
            assertEquals(200, response.status(), "exactly at the quota: " + response.body());
        }
        try (RawHttp.Connection over = new RawHttp.Connection(local.port())) {
            RawHttp.Response response = over.send(
                    "PUT",
                    target,
                    List.of(fixed.get(0), fixed.get(1), "X-Pad: " + "p".repeat(room + 1)),
                    bytes("{\"progress\":99}"));
            JsonNode problem = problem(response, 431);
            assertEquals(
                    "urn:assessments-api:problem:headers-too-large",
                    problem.get("type").asText());
            assertTrue(problem.get("detail").asText().contains("10240"), problem.toString());
        }
        assertEquals(
                42,
                Http.read(local.http.json("GET", target, local.token, null))
                        .get("progress")
                        .asInt());
    }

    @Test
    void theRunnersOwnProblemsCarryTheHandlersHeaders() throws IOException {
        RawHttp.Response fromHandler = RawHttp.exchange(local.port(), "GET", "/nowhere", List.of(auth()), new byte[0]);
        RawHttp.Response fromRunner = RawHttp.exchange(
                local.port(), "GET", "/nowhere", List.of(auth(), "X-Big: " + "b".repeat(11_000)), new byte[0]);
        problem(fromHandler, 404);
        problem(fromRunner, 431);
        assertEquals(ownHeaders(fromHandler), ownHeaders(fromRunner));
        assertEquals(Set.of("type", "title", "status", "detail"), fieldNames(JSON.readTree(fromRunner.body())));
    }

    @Test
    void headAnswersGetsStatusAndHeadersWithoutABody() throws IOException {
        String id = local.http.create(local.token);
        try (RawHttp.Connection connection = new RawHttp.Connection(local.port())) {
            RawHttp.Response get = connection.send("GET", "/api/assessments/" + id, List.of(auth()), new byte[0]);
            RawHttp.Response head = connection.send("HEAD", "/api/assessments/" + id, List.of(auth()), new byte[0]);
            assertEquals(200, head.status());
            assertEquals("\"1\"", head.header("etag"));
            assertEquals(get.header("etag"), head.header("etag"));
            assertEquals(get.header("content-type"), head.header("content-type"));
            assertEquals("", head.body());
            // The connection is still usable: the HEAD answer had no body to skip.
            assertEquals(
                    200,
                    connection
                            .send("HEAD", "/api/assessments", List.of(auth()), new byte[0])
                            .status());
            assertEquals(
                    404,
                    connection
                            .send("HEAD", "/api/assessments/" + UUID.randomUUID(), List.of(auth()), new byte[0])
                            .status());
        }
    }

    @Test
    void methodsAreCaseSensitiveSoALowerCasePutWritesNothing() {
        String id = local.http.create(local.token);
        for (String method : List.of("put", "Put", "delete", "get")) {
            RawHttp.Response response = RawHttp.exchange(
                    local.port(),
                    method,
                    "/api/assessments/" + id,
                    List.of(auth(), "Content-Type: application/json"),
                    bytes("{\"progress\":77}"));
            assertEquals(
                    "urn:assessments-api:problem:not-found",
                    problem(response, 404).get("type").asText(),
                    method);
        }
        JsonNode stored = Http.read(local.http.json("GET", "/api/assessments/" + id, local.token, null));
        assertEquals(1, stored.get("version").asInt());
        assertEquals(0, stored.get("progress").asInt());
    }

    @Test
    void aCompressedBodyIs415WithAcceptEncodingAndWritesNothing() throws IOException {
        String id = local.http.create(local.token);
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(bytes("{\"progress\":66}"));
        }
        List<byte[]> bodies = List.of(gzipped.toByteArray(), bytes("{\"progress\":66}"));
        for (String coding : List.of("gzip", "br")) {
            for (byte[] body : bodies) {
                RawHttp.Response response = RawHttp.exchange(
                        local.port(),
                        "PUT",
                        "/api/assessments/" + id,
                        List.of(auth(), "Content-Type: application/json", "Content-Encoding: " + coding),
                        body);
                problem(response, 415);
                assertEquals("identity", response.header("accept-encoding"), coding);
            }
        }
        assertEquals(
                1,
                Http.read(local.http.json("GET", "/api/assessments/" + id, local.token, null))
                        .get("version")
                        .asInt());
    }

    @Test
    void aBodyOfOnlyWhitespaceIsAMalformedBody() {
        String id = local.http.create(local.token);
        RawHttp.Response response = RawHttp.exchange(
                local.port(),
                "PUT",
                "/api/assessments/" + id,
                List.of(auth(), "Content-Type: application/json"),
                bytes(" \r\n\t "));
        assertEquals(
                "urn:assessments-api:problem:malformed-body",
                problem(response, 400).get("type").asText());
    }

    @Test
    void expectContinueGetsAnInterim100WithoutHeaderFieldsThenTheAnswer() throws IOException {
        String id = local.http.create(local.token);
        byte[] update = bytes(UPDATE);
        try (RawHttp.Connection connection = new RawHttp.Connection(local.port())) {
            connection.writeHead(
                    "PUT",
                    "/api/assessments/" + id,
                    List.of(auth(), "Content-Type: application/json", "Expect: 100-continue"),
                    update.length);
            RawHttp.Response interim = connection.read("PUT");
            assertEquals(100, interim.status());
            assertEquals(Map.of(), interim.headers(), "RFC 9110 section 15.2: no Content-Length on a 1xx");
            connection.writeBody(update);
            RawHttp.Response answer = connection.read("PUT");
            assertEquals(200, answer.status(), answer.body());
            assertEquals("\"2\"", answer.header("etag"));
            assertEquals(
                    200,
                    connection
                            .send("GET", "/api/assessments/" + id, List.of(auth()), new byte[0])
                            .status());
        }
    }

    @Test
    void optionsStarAndUnparsableTargetsAreProblems() {
        JsonNode star = problem(RawHttp.exchange(local.port(), "OPTIONS", "*", List.of(auth()), new byte[0]), 404);
        assertEquals("urn:assessments-api:problem:not-found", star.get("type").asText());
        for (String target : List.of("/api/assessments?cursor=%zz", "/api/assessments/%", "/a b", "api/assessments")) {
            JsonNode problem =
                    problem(RawHttp.exchange(local.port(), "GET", target, List.of(auth()), new byte[0]), 400);
            assertEquals(
                    "urn:assessments-api:problem:validation-failed",
                    problem.get("type").asText(),
                    target);
        }
    }

    private record Request(String method, String target, List<String> headers, byte[] body, int expected) {}

    private static String auth() {
        return "Authorization: Bearer " + local.token;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode problem(RawHttp.Response response, int status) {
        assertEquals(status, response.status(), response.body());
        assertEquals("application/problem+json", response.header("content-type"));
        try {
            JsonNode problem = JSON.readTree(response.body());
            assertEquals(status, problem.get("status").asInt());
            assertNull(problem.get("stackTrace"));
            return problem;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** The header names an answer carries besides those every HTTP/1.1 server adds. */
    private static Set<String> ownHeaders(RawHttp.Response response) {
        Set<String> names = new TreeSet<>(response.headers().keySet());
        names.removeAll(Set.of("date", "content-length", "connection", "transfer-encoding", "apigw-requestid"));
        return names;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
