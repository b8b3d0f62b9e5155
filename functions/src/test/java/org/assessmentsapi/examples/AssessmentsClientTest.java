package org.assessmentsapi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.ApiFixture;
import org.assessmentsapi.support.InMemoryApi;
import org.assessmentsapi.support.Responses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's client against the real handler, through a loopback HTTP bridge that turns each
 * request into an API Gateway event. The bridge lets another writer change the assessment between the
 * client's first read and its write, so the client meets a real 409 and must recover from it.
 */
class AssessmentsClientTest {

    private final ApiFixture api = InMemoryApi.get();
    private final String token = api.issuer().token("auth0|" + UUID.randomUUID());
    private final AtomicBoolean interfereOnce = new AtomicBoolean(true);
    private HttpServer bridge;
    private String id;

    @BeforeEach
    void start() throws IOException {
        id = Responses.json(api.handler()
                        .handleRequest(
                                ApiEvents.post(
                                        token,
                                        "{\"name\":\"Q1\",\"companyName\":\"Acme\"," + "\"intakeMode\":\"UPLOAD\"}"),
                                null))
                .get("id")
                .asText();
        bridge = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bridge.createContext("/", exchange -> {
            String method = exchange.getRequestMethod();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (method.equals("PUT") && interfereOnce.getAndSet(false)) {
                api.handler()
                        .handleRequest(ApiEvents.put(id, token, "{\"companyType\":\"changed by someone else\"}"), null);
            }
            APIGatewayV2HTTPEvent event =
                    method.equals("PUT") ? ApiEvents.put(id, token, body) : ApiEvents.get(id, token);
            Map<String, String> headers = new HashMap<>(event.getHeaders());
            headers.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            event.setHeaders(headers);
            APIGatewayV2HTTPResponse response = api.handler().handleRequest(event, null);
            byte[] bytes = response.getBody() == null
                    ? new byte[0]
                    : response.getBody().getBytes(StandardCharsets.UTF_8);
            response.getHeaders()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(response.getStatusCode(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        bridge.start();
    }

    @AfterEach
    void stop() {
        bridge.stop(0);
    }

    @Test
    void theRetryLoopRecoversFromAConflictAndKeepsTheOtherWritersChange() throws Exception {
        var client = new AssessmentsClient(
                URI.create("http://127.0.0.1:" + bridge.getAddress().getPort()), token);

        var updated = client.update(id, body -> body.put("progress", 50), 3);

        assertEquals(50, updated.get("progress").asInt());
        assertEquals("changed by someone else", updated.get("companyType").asText());
        assertEquals(3, updated.get("version").asLong(), "one write by the other writer, one by the client");
    }
}
