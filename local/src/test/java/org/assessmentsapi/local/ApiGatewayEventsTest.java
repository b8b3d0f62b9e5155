package org.assessmentsapi.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private static final String BODY = "{\"name\": \"Q1 supplier review\", \"status\": \"ANALYZING\", \"progress\": 40}";

    @Test
    void aPutBecomesTheEventOfTheSample() throws IOException {
        JsonNode sample = JSON.readTree(Path.of(System.getProperty("events.dir", "../events"), "put-assessment.json").toFile());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json"));
        headers.put("Authorization", List.of("Bearer REPLACE_WITH_A_TOKEN"));
        headers.put("Content-Length", List.of("69"));
        headers.put("Host", List.of("localhost:3000"));
        headers.put("User-Agent", List.of("curl/8.5.0"));
        headers.put("Content-Type", List.of("application/json"));
        Instant at = Instant.ofEpochMilli(sample.at("/requestContext/timeEpoch").asLong());

        APIGatewayV2HTTPEvent event = ApiGatewayEvents.toEvent(new IncomingRequest("PUT",
                URI.create("/api/assessments/" + ID), "HTTP/1.1", headers,
                new InetSocketAddress("203.0.113.10", 51234), 3000, BODY.getBytes(StandardCharsets.UTF_8), at));
        JsonNode actual = JSON.valueToTree(event);

        for (String field : List.of("/version", "/routeKey", "/rawPath", "/rawQueryString", "/isBase64Encoded", "/body",
                "/pathParameters", "/requestContext/http", "/requestContext/routeKey", "/requestContext/stage",
                "/requestContext/time", "/requestContext/timeEpoch")) {
            assertEquals(sample.at(field), actual.at(field), field);
        }
        // Same header names (API Gateway's own included), lower-cased, and the same values where the client sent them.
        assertEquals(names(sample.get("headers")), names(actual.get("headers")));
        for (String name : List.of("accept", "authorization", "content-length", "user-agent", "content-type",
                "x-forwarded-for")) {
            assertEquals(sample.at("/headers/" + name), actual.at("/headers/" + name), name);
        }
        assertEquals("http", event.getHeaders().get("x-forwarded-proto"));
        assertEquals("3000", event.getHeaders().get("x-forwarded-port"));
        assertTrue(event.getHeaders().get("x-amzn-trace-id").matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}"));
        // Every field the sample's request context has, this one has too.
        assertEquals(names(sample.get("requestContext")), names(actual.get("requestContext")).stream()
                .filter(name -> sample.get("requestContext").has(name)).toList());
        assertTrue(event.getRequestContext().getRequestId().matches("[A-Za-z0-9+/]{11}="));
        assertEquals("localhost", event.getRequestContext().getDomainName());
        assertNull(event.getCookies());
        assertNull(event.getQueryStringParameters());
    }

    @Test
    void routeKeysMatchOnlyTheDeclaredRoutes() {
        assertEquals("POST /api/assessments", event("POST", "/api/assessments").getRouteKey());
        assertEquals("GET /api/assessments/{id}", event("GET", "/api/assessments/abc").getRouteKey());
        assertEquals(Map.of("id", "abc"), event("GET", "/api/assessments/abc").getPathParameters());
        assertEquals("GET /api/assessments", event("GET", "/api/assessments").getRouteKey());
        assertEquals("DELETE /api/assessments/{id}", event("DELETE", "/api/assessments/abc").getRouteKey());
        assertEquals("$default", event("DELETE", "/api/assessments").getRouteKey());
        assertEquals("$default", event("PATCH", "/api/assessments/abc").getRouteKey());
        assertEquals("$default", event("GET", "/api/assessments/abc/").getRouteKey());
        assertEquals("$default", event("GET", "/api/assessments/a/b").getRouteKey());
        assertEquals("$default", event("GET", "/").getRouteKey());
        assertNull(event("GET", "/api/assessments/").getPathParameters());
        assertEquals("$default", event("GET", "/").getRequestContext().getRouteKey());
    }

    @Test
    void queryStringStaysRawAndParametersAreDecodedAndJoined() {
        APIGatewayV2HTTPEvent event = event("GET", "/api/assessments/abc?a=1&a=2&b=x%20y&c");
        assertEquals("a=1&a=2&b=x%20y&c", event.getRawQueryString());
        assertEquals(Map.of("a", "1,2", "b", "x y", "c", ""), event.getQueryStringParameters());
        assertEquals("/api/assessments/abc", event.getRawPath());
    }

    @Test
    void repeatedHeadersAreJoinedAndCookiesMovedOut() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Multi", List.of("a", "b"));
        headers.put("Cookie", List.of("session=1; theme=dark", "lang=fr"));
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.toEvent(request("GET", "/", headers, null));
        assertEquals("a,b", event.getHeaders().get("x-multi"));
        assertFalse(event.getHeaders().containsKey("cookie"));
        assertEquals(List.of("session=1", "theme=dark", "lang=fr"), event.getCookies());
    }

    @Test
    void aNonUtf8BodyIsBase64Encoded() {
        byte[] latin1 = "{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.toEvent(request("POST", "/api/assessments", Map.of(), latin1));
        assertTrue(event.getIsBase64Encoded());
        assertArrayEquals(latin1, Base64.getDecoder().decode(event.getBody()));

        APIGatewayV2HTTPEvent text = ApiGatewayEvents.toEvent(request("POST", "/api/assessments", Map.of(),
                "{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(text.getIsBase64Encoded());
        assertEquals("{\"name\":\"caf\u00e9\"}", text.getBody());

        APIGatewayV2HTTPEvent empty = ApiGatewayEvents.toEvent(request("GET", "/", Map.of(), new byte[0]));
        assertNull(empty.getBody());
        assertFalse(empty.getIsBase64Encoded());
    }

    @Test
    void responsesKeepHeadersCookiesAndDecodeBase64Bodies() {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("Location", "/api/assessments/x"))
                .withMultiValueHeaders(Map.of("Vary", List.of("Accept", "Origin")))
                .withCookies(List.of("a=1", "b=2"))
                .withBody(Base64.getEncoder().encodeToString(new byte[] {1, 2, (byte) 0xff}))
                .withIsBase64Encoded(true)
                .build();
        OutgoingResponse http = ApiGatewayEvents.toHttp(response);
        assertEquals(201, http.status());
        assertEquals(List.of("/api/assessments/x"), http.headers().get("Location"));
        assertEquals(List.of("Accept", "Origin"), http.headers().get("Vary"));
        assertEquals(List.of("a=1", "b=2"), http.headers().get("Set-Cookie"));
        assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, http.body());
    }

    private static APIGatewayV2HTTPEvent event(String method, String uri) {
        return ApiGatewayEvents.toEvent(request(method, uri, Map.of(), null));
    }

    private static IncomingRequest request(String method, String uri, Map<String, List<String>> headers, byte[] body) {
        return new IncomingRequest(method, URI.create(uri), "HTTP/1.1", headers,
                new InetSocketAddress("127.0.0.1", 40000), 3000, body, Instant.now());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names.stream().sorted().toList();
    }
}
