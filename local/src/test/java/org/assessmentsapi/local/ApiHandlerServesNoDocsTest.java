package org.assessmentsapi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assessmentsapi.adapter.http.ApiHandler;
import org.assessmentsapi.bootstrap.ApiFunction;
import org.assessmentsapi.devkit.DevIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Lambda's handler, wired as on Lambda, knows nothing of the documentation: a signed-in {@code GET} of a docs
 * path gets the same answer as a path no route serves (only the local runner serves {@link DocsPages}).
 */
class ApiHandlerServesNoDocsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DevIssuer issuer;
    private static ApiHandler handler;

    @BeforeAll
    static void wire() {
        issuer = DevIssuer.start();
        handler = ApiFunction.fromEnvironment(Map.of(
                "JWT_ISSUER", issuer.issuer(),
                "JWT_AUDIENCE", issuer.audience(),
                "JWKS_URL", issuer.jwksUrl().toString(),
                // Never called: no route here reaches the store.
                "DYNAMODB_ENDPOINT", "http://127.0.0.1:1",
                "AWS_REGION", "us-east-1"));
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    static List<String> docsPaths() {
        return List.of(
                DocsPages.PAGE_PATH,
                DocsPages.DOCUMENT_PATH,
                DocsPages.SCRIPT_PATH,
                DocsPages.ASSETS_PATH + "/swagger-ui-bundle.js");
    }

    @ParameterizedTest
    @MethodSource("docsPaths")
    void aDocsPathIsAnsweredAsAnUnknownRoute(String path) throws IOException {
        String token = issuer.token("dev-user");
        Map<String, Object> docs = answer(path, token);
        Map<String, Object> unknown = answer("/no-such-route", token);

        assertEquals(unknown.get("statusCode"), docs.get("statusCode"), docs.toString());
        assertEquals(body(unknown).get("type"), body(docs).get("type"), docs.toString());
        assertEquals(404, docs.get("statusCode"), docs.toString());
    }

    private static Map<String, Object> answer(String path, String token) throws IOException {
        IncomingRequest request = new IncomingRequest(
                "GET",
                URI.create(path),
                "HTTP/1.1",
                Map.of("Host", List.of("localhost:3000"), "Authorization", List.of("Bearer " + token)),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 40_000),
                3000,
                new byte[0],
                Instant.now());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(JSON.writeValueAsBytes(ApiGatewayEvents.toEvent(request))),
                out,
                new LocalContext());
        @SuppressWarnings("unchecked")
        Map<String, Object> response = JSON.readValue(out.toByteArray(), Map.class);
        return response;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> response) throws IOException {
        return JSON.readValue(((String) response.get("body")).getBytes(StandardCharsets.UTF_8), Map.class);
    }
}
