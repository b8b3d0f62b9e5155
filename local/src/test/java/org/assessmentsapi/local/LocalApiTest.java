package org.assessmentsapi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local API in development-issuer mode, over its own dynalite, called over real HTTP. */
class LocalApiTest {

    private static final Pattern DOCS_DEV_TOKEN = Pattern.compile("<meta name=\"dev-token\" content=\"([^\"]+)\">");
    private static LocalApi api;
    private static Http http;

    private final String user = "user-" + UUID.randomUUID();
    private final String token = api.mintToken(user);

    @BeforeAll
    static void start() {
        api = LocalApi.start(LocalOptions.ephemeral(Map.of()));
        http = new Http(api.baseUri());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void startsInDevelopmentIssuerModeWithItsOwnDynalite() {
        assertTrue(api.devIssuerMode());
        assertTrue(api.config().dynamoDbEndpoint().orElseThrow().getHost().equals("127.0.0.1"));
        assertNotEquals(0, api.port());
        String banner = api.banner();
        assertTrue(banner.contains("http://localhost:" + api.port()), banner);
        assertTrue(banner.contains("TOKEN='ey"), banner);
        assertTrue(banner.contains("curl -s -X POST http://localhost:" + api.port() + "/api/assessments"), banner);
        assertTrue(banner.contains("curl -si -X PUT"), banner);
    }

    @Test
    void conditionalGetAnswersNotModifiedWithoutABody() throws Exception {
        String id = Http.read(http.json("POST", "/api/assessments", token, Http.CREATE_BODY))
                .get("id")
                .asText();
        var request = java.net.http.HttpRequest.newBuilder(api.baseUri().resolve("/api/assessments/" + id))
                .header("Authorization", "Bearer " + token)
                .header("If-None-Match", "\"1\"")
                .GET()
                .build();
        HttpResponse<String> response =
                java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(304, response.statusCode());
        assertEquals("", response.body());
        assertEquals("\"1\"", response.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void postCreatesGetReadsPutUpdates() {
        HttpResponse<String> created = http.json("POST", "/api/assessments", token, Http.CREATE_BODY);
        assertEquals(201, created.statusCode(), created.body());
        String id = Http.read(created).get("id").asText();
        assertEquals(
                "/api/assessments/" + id,
                created.headers().firstValue("Location").orElseThrow());
        assertTrue(created.headers().firstValue("apigw-requestid").isPresent());

        HttpResponse<String> read = http.json("GET", "/api/assessments/" + id, token, null);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("\"1\"", read.headers().firstValue("ETag").orElseThrow());
        assertEquals(user, Http.read(read).get("userId").asText());

        HttpResponse<String> updated = http.json(
                "PUT", "/api/assessments/" + id, token, "{\"status\":\"ANALYZING\",\"progress\":40,\"version\":1}");
        assertEquals(200, updated.statusCode(), updated.body());
        JsonNode body = Http.read(updated);
        assertEquals(2, body.get("version").asInt());
        assertEquals(40, body.get("progress").asInt());
        assertEquals("\"2\"", updated.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void aStaleVersionIsAConflict() {
        String id = http.create(token);
        assertEquals(
                200,
                http.json("PUT", "/api/assessments/" + id, token, "{\"progress\":10,\"version\":1}")
                        .statusCode());
        JsonNode problem = Http.assertProblem(
                http.json("PUT", "/api/assessments/" + id, token, "{\"progress\":20,\"version\":1}"), 409);
        assertEquals(2, problem.get("currentVersion").asInt());
    }

    @Test
    void concurrentUpdatesOfOneVersionLetExactlyOneWin() throws Exception {
        String id = http.create(token);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int progress = i;
                answers.add(pool.submit(() -> http.json(
                                "PUT", "/api/assessments/" + id, token, "{\"progress\":" + progress + ",\"version\":1}")
                        .statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMissingTokenIsUnauthorized() {
        HttpResponse<String> response = http.json("POST", "/api/assessments", null, Http.CREATE_BODY);
        Http.assertProblem(response, 401);
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void localTokensMintsTokensForOtherUsersWhoCannotSeeOthersAssessments() {
        String id = http.create(token);
        HttpResponse<String> minted =
                http.json("POST", "/local/tokens", null, "{\"sub\": \"user-b-" + UUID.randomUUID() + "\"}");
        assertEquals(200, minted.statusCode(), minted.body());
        JsonNode answer = Http.read(minted);
        assertTrue(answer.get("sub").asText().startsWith("user-b-"));
        assertEquals(3600, answer.get("expiresIn").asInt());
        String tokenB = answer.get("token").asText();

        Http.assertProblem(http.json("GET", "/api/assessments/" + id, tokenB, null), 404);
        Http.assertProblem(http.json("PUT", "/api/assessments/" + id, tokenB, "{\"progress\":1}"), 404);
        assertEquals(
                200, http.json("GET", "/api/assessments/" + id, token, null).statusCode());
        // B's own assessments work.
        assertEquals(
                200,
                http.json("GET", "/api/assessments/" + http.create(tokenB), tokenB, null)
                        .statusCode());
    }

    @Test
    void localTokensWithoutSubPicksARandomUserAndRefusesBadInput() {
        HttpResponse<String> minted = http.send("POST", "/local/tokens", null, null, null);
        assertEquals(200, minted.statusCode(), minted.body());
        assertTrue(Http.read(minted).get("sub").asText().startsWith("dev-"));
        Http.assertProblem(http.json("POST", "/local/tokens", null, "[1]"), 400);
        Http.assertProblem(http.json("POST", "/local/tokens", null, "{\"sub\": 5}"), 400);
        Http.assertProblem(http.json("POST", "/local/tokens", null, "{\"sub\": \"\"}"), 400);
        HttpResponse<String> get = http.send("GET", "/local/tokens", null, null, null);
        Http.assertProblem(get, 405);
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void aWrongContentTypeIsUnsupported() {
        Http.assertProblem(
                http.send(
                        "POST",
                        "/api/assessments",
                        token,
                        "text/plain",
                        Http.CREATE_BODY.getBytes(StandardCharsets.UTF_8)),
                415);
    }

    @Test
    void invalidJsonIsABadRequest() {
        Http.assertProblem(http.json("POST", "/api/assessments", token, "{\"name\": "), 400);
    }

    @Test
    void aBodyThatIsNotUtf8IsABadRequestNotAServerError() {
        byte[] latin1 = "{\"name\":\"Caf\u00e9 review\"}".getBytes(StandardCharsets.ISO_8859_1);
        JsonNode problem =
                Http.assertProblem(http.send("POST", "/api/assessments", token, "application/json", latin1), 400);
        assertTrue(problem.get("detail").asText().contains("UTF-8"), problem.toString());
    }

    @Test
    void bodiesAboveTheHandlersLimitReachItAndAboveOneMebibyteAreRefusedHere() {
        byte[] large = ("{\"name\":\"" + "a".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        JsonNode fromHandler =
                Http.assertProblem(http.send("POST", "/api/assessments", token, "application/json", large), 413);
        assertTrue(fromHandler.get("detail").asText().contains("16384"), fromHandler.toString());

        byte[] huge = new byte[ExchangeHandler.MAX_BODY_BYTES + 10];
        JsonNode local =
                Http.assertProblem(http.send("POST", "/api/assessments", token, "application/json", huge), 413);
        assertTrue(local.get("detail").asText().contains("local server"), local.toString());
    }

    @Test
    void requestsThatMatchNoRouteAre404ProblemsAsApiGatewayWouldNotInvoke() {
        String id = http.create(token);
        for (String[] request : new String[][] {
            {"GET", "/nothing/here"},
            {"PATCH", "/api/assessments/" + id},
            {"DELETE", "/api/assessments"},
            {"GET", "/api/assessments/" + id + "/"},
            {"POST", "/api/assessments/"},
            {"PUT", "/api/assessments/" + id + "/x"}
        }) {
            byte[] body = request[0].equals("POST") ? Http.CREATE_BODY.getBytes(StandardCharsets.UTF_8) : null;
            JsonNode problem =
                    Http.assertProblem(http.send(request[0], request[1], token, "application/json", body), 404);
            assertEquals(
                    "urn:assessments-api:problem:not-found", problem.get("type").asText(), request[1]);
        }
        assertEquals(
                1,
                Http.read(http.json("GET", "/api/assessments", token, null))
                        .get("items")
                        .size());
    }

    @Test
    void listWithACursorDeleteAndAnIdempotentRetryOverHttp() {
        String user = "local-list-" + UUID.randomUUID();
        String own = Http.read(http.json("POST", "/local/tokens", null, "{\"sub\":\"" + user + "\"}"))
                .get("token")
                .asText();
        String older = http.create(own);
        String newer = http.create(own);
        JsonNode first = Http.read(http.json("GET", "/api/assessments?limit=1", own, null));
        assertEquals(newer, first.get("items").get(0).get("id").asText());
        JsonNode second = Http.read(http.json(
                "GET",
                "/api/assessments?limit=1&cursor=" + first.get("nextCursor").asText(),
                own,
                null));
        assertEquals(older, second.get("items").get(0).get("id").asText());
        Http.assertProblem(
                http.json(
                        "GET",
                        "/api/assessments?limit=2&cursor="
                                + first.get("nextCursor").asText(),
                        own,
                        null),
                400);
        Http.assertProblem(http.json("GET", "/api/assessments?limit=1&limit=2&colour=red", own, null), 400);

        assertEquals(
                204, http.json("DELETE", "/api/assessments/" + older, own, null).statusCode());
        Http.assertProblem(http.json("GET", "/api/assessments/" + older, own, null), 404);

        Map<String, String> key = Map.of("Idempotency-Key", "\"" + UUID.randomUUID() + "\"");
        byte[] body = Http.CREATE_BODY.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> created = http.send("POST", "/api/assessments", own, "application/json", body, key);
        HttpResponse<String> retried = http.send("POST", "/api/assessments", own, "application/json", body, key);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(created.body(), retried.body());
        assertEquals(created.headers().firstValue("Location"), retried.headers().firstValue("Location"));
        Http.assertProblem(
                http.send(
                        "POST",
                        "/api/assessments",
                        own,
                        "application/json",
                        Http.CREATE_BODY.replace("\"FR\"", "\"DE\"").getBytes(StandardCharsets.UTF_8),
                        key),
                422);
        assertEquals(
                2,
                Http.read(http.json("GET", "/api/assessments", own, null))
                        .get("items")
                        .size());
    }

    // The documentation pages (DocsPages) of a runner with the development issuer.

    @Test
    void theDocsPageCarriesATokenOfThePrintedUserThatTheApiAccepts() {
        HttpResponse<String> page = http.send("GET", DocsPages.PAGE_PATH, null, null, null);

        assertEquals(200, page.statusCode(), page.body());
        assertEquals(Optional.of("no-store"), page.headers().firstValue("Cache-Control"));
        assertEquals(
                Optional.of(DocsPages.CONTENT_SECURITY_POLICY), page.headers().firstValue("Content-Security-Policy"));
        Matcher token = DOCS_DEV_TOKEN.matcher(page.body());
        assertTrue(token.find(), page.body());
        String id = http.create(token.group(1));
        HttpResponse<String> read = http.json("GET", "/api/assessments/" + id, api.mintToken(LocalApi.DEV_USER), null);
        assertEquals(200, read.statusCode(), "the page's token is " + LocalApi.DEV_USER + "'s: " + read.body());
    }

    @Test
    void headOfTheDocsPageAnswersItsHeadersWithoutABody() {
        HttpResponse<String> head = http.send("HEAD", DocsPages.PAGE_PATH, null, null, null);

        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(Optional.of("no-store"), head.headers().firstValue("Cache-Control"));
    }

    @Test
    void theContractIsServedAsYaml() {
        HttpResponse<String> document = http.send("GET", DocsPages.DOCUMENT_PATH, null, null, null);

        assertEquals(200, document.statusCode());
        assertEquals(Optional.of("application/yaml"), document.headers().firstValue("Content-Type"));
        assertTrue(document.body().startsWith("openapi: 3.1"), document.body());
    }

    @Test
    void otherMethodsOnTheDocsPageAreRefusedWithAProblem() {
        HttpResponse<String> post = http.json("POST", DocsPages.PAGE_PATH, null, "{}");

        Http.assertProblem(post, 405);
        assertEquals(Optional.of("GET, HEAD"), post.headers().firstValue("Allow"));
    }

    @Test
    void theBannerLinksTheDocsPage() {
        assertTrue(api.banner().contains("http://localhost:" + api.port() + "/docs "), api.banner());
    }
}
