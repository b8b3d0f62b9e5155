package org.assessmentsapi.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f7a8b9c";
    private static final String BODY =
            "{\"name\": \"Q1 supplier review\", \"status\": \"ANALYZING\", \"progress\": 40}";

    @Test
    void aPutBecomesTheEventOfTheSample() throws IOException {
        JsonNode sample = JSON.readTree(Path.of(System.getProperty("events.dir", "../events"), "put-assessment.json")
                .toFile());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json"));
        headers.put("Authorization", List.of("Bearer REPLACE_WITH_A_TOKEN"));
        headers.put("Content-Length", List.of("69"));
        headers.put("Host", List.of("localhost:3000"));
        headers.put("User-Agent", List.of("curl/8.5.0"));
        headers.put("Content-Type", List.of("application/json"));
        Instant at = Instant.ofEpochMilli(sample.at("/requestContext/timeEpoch").asLong());

        ObjectNode actual = ApiGatewayEvents.toEvent(new IncomingRequest(
                "PUT",
                URI.create("/api/assessments/" + ID),
                "HTTP/1.1",
                headers,
                new InetSocketAddress("203.0.113.10", 51234),
                3000,
                BODY.getBytes(StandardCharsets.UTF_8),
                at));

        for (String field : List.of(
                "/version",
                "/routeKey",
                "/rawPath",
                "/rawQueryString",
                "/isBase64Encoded",
                "/body",
                "/pathParameters",
                "/requestContext/http",
                "/requestContext/routeKey",
                "/requestContext/stage",
                "/requestContext/time",
                "/requestContext/timeEpoch")) {
            assertEquals(sample.at(field), actual.at(field), field);
        }
        // Same header names (API Gateway's own included), lower-cased, and the same values where the client sent them.
        assertEquals(names(sample.get("headers")), names(actual.get("headers")));
        for (String name :
                List.of("accept", "authorization", "content-length", "user-agent", "content-type", "x-forwarded-for")) {
            assertEquals(sample.at("/headers/" + name), actual.at("/headers/" + name), name);
        }
        assertEquals("http", actual.at("/headers/x-forwarded-proto").asText());
        assertEquals("3000", actual.at("/headers/x-forwarded-port").asText());
        assertTrue(actual.at("/headers/x-amzn-trace-id").asText().matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}"));
        // Every field the sample's request context has, this one has too.
        assertEquals(
                names(sample.get("requestContext")),
                names(actual.get("requestContext")).stream()
                        .filter(name -> sample.get("requestContext").has(name))
                        .toList());
        assertTrue(actual.at("/requestContext/requestId").asText().matches("[A-Za-z0-9+/]{11}="));
        assertEquals("localhost", actual.at("/requestContext/domainName").asText());
        // Absent parts are left out, as API Gateway does.
        assertFalse(actual.has("cookies"));
        assertFalse(actual.has("queryStringParameters"));
    }

    @Test
    void routeKeysMatchOnlyTheDeclaredRoutes() {
        Map<String, String> routeKeys = new LinkedHashMap<>();
        routeKeys.put("POST /api/assessments", "POST /api/assessments");
        routeKeys.put("GET /api/assessments", "GET /api/assessments");
        routeKeys.put("HEAD /api/assessments", "HEAD /api/assessments");
        routeKeys.put("GET /api/assessments/abc", "GET /api/assessments/{id}");
        routeKeys.put("HEAD /api/assessments/abc", "HEAD /api/assessments/{id}");
        routeKeys.put("PUT /api/assessments/abc", "PUT /api/assessments/{id}");
        routeKeys.put("DELETE /api/assessments/abc", "DELETE /api/assessments/{id}");
        // No route: methods are case-sensitive, paths exact (no trailing slash, one segment), only declared methods.
        for (String unmatched : List.of(
                "DELETE /api/assessments",
                "PATCH /api/assessments/abc",
                "GET /api/assessments/abc/",
                "GET /api/assessments/a/b",
                "GET /",
                "POST /api/assessments/",
                "put /api/assessments/abc")) {
            routeKeys.put(unmatched, "$default");
        }
        routeKeys.forEach((request, routeKey) -> {
            String[] methodAndPath = request.split(" ");
            JsonNode event = event(methodAndPath[0], methodAndPath[1]);
            assertEquals(routeKey, event.get("routeKey").asText(), request);
            assertEquals(routeKey, event.at("/requestContext/routeKey").asText(), request);
            assertEquals(
                    methodAndPath[0], event.at("/requestContext/http/method").asText(), "the method as sent");
            assertEquals(routeKey.endsWith("{id}"), event.has("pathParameters"), request);
        });
        assertEquals(
                JSON.valueToTree(Map.of("id", "abc")),
                event("GET", "/api/assessments/abc").get("pathParameters"));
    }

    @Test
    void queryStringStaysRawAndParametersAreDecodedAndJoined() {
        ObjectNode event = event("GET", "/api/assessments/abc?a=1&a=2&b=x%20y&c");
        assertEquals("a=1&a=2&b=x%20y&c", event.get("rawQueryString").asText());
        assertEquals(JSON.valueToTree(Map.of("a", "1,2", "b", "x y", "c", "")), event.get("queryStringParameters"));
        assertEquals("/api/assessments/abc", event.get("rawPath").asText());
    }

    @Test
    void repeatedHeadersAreJoinedAndCookiesMovedOut() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Multi", List.of("a", "b"));
        headers.put("Cookie", List.of("session=1; theme=dark", "lang=fr"));
        ObjectNode event = ApiGatewayEvents.toEvent(request("GET", "/", headers, null));
        assertEquals("a,b", event.at("/headers/x-multi").asText());
        assertFalse(event.get("headers").has("cookie"));
        assertEquals(JSON.valueToTree(List.of("session=1", "theme=dark", "lang=fr")), event.get("cookies"));
    }

    @Test
    void aNonUtf8BodyIsBase64Encoded() {
        byte[] latin1 = "{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        ObjectNode event = ApiGatewayEvents.toEvent(request("POST", "/api/assessments", Map.of(), latin1));
        assertTrue(event.get("isBase64Encoded").asBoolean());
        assertArrayEquals(latin1, Base64.getDecoder().decode(event.get("body").asText()));

        ObjectNode text = ApiGatewayEvents.toEvent(request(
                "POST", "/api/assessments", Map.of(), "{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(text.get("isBase64Encoded").asBoolean());
        assertEquals("{\"name\":\"caf\u00e9\"}", text.get("body").asText());

        ObjectNode empty = ApiGatewayEvents.toEvent(request("GET", "/", Map.of(), new byte[0]));
        assertFalse(empty.has("body"));
        assertFalse(empty.get("isBase64Encoded").asBoolean());
    }

    @Test
    void responsesKeepHeadersCookiesAndDecodeBase64Bodies() {
        String response = "{\"statusCode\":201,\"headers\":{\"Location\":\"/api/assessments/x\"},"
                + "\"multiValueHeaders\":{\"Vary\":[\"Accept\",\"Origin\"]},\"cookies\":[\"a=1\",\"b=2\"],"
                + "\"body\":\"" + Base64.getEncoder().encodeToString(new byte[] {1, 2, (byte) 0xff})
                + "\",\"isBase64Encoded\":true}";
        OutgoingResponse http = ApiGatewayEvents.toHttp(response.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, http.status());
        assertEquals(List.of("/api/assessments/x"), http.headers().get("Location"));
        assertEquals(List.of("Accept", "Origin"), http.headers().get("Vary"));
        assertEquals(List.of("a=1", "b=2"), http.headers().get("Set-Cookie"));
        assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, http.body());
    }

    private static ObjectNode event(String method, String uri) {
        return ApiGatewayEvents.toEvent(request(method, uri, Map.of(), null));
    }

    private static IncomingRequest request(String method, String uri, Map<String, List<String>> headers, byte[] body) {
        return new IncomingRequest(
                method,
                URI.create(uri),
                "HTTP/1.1",
                headers,
                new InetSocketAddress("127.0.0.1", 40000),
                3000,
                body,
                Instant.now());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names.stream().sorted().toList();
    }
}
