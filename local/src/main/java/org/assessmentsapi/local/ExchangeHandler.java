package org.assessmentsapi.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assessmentsapi.adapter.http.ApiHandler;
import org.assessmentsapi.adapter.http.ProblemType;
import org.assessmentsapi.devkit.DevIssuer;

/**
 * Serves one HTTP exchange: the documentation ({@link DocsPages}), {@code POST /local/tokens} in development-issuer
 * mode, everything else through the Lambda handler as the JSON of an API Gateway v2 event, through its stream entry
 * point (as on Lambda): also a request that matches no route, with route key {@code $default}, which the handler
 * answers 404 as API Gateway would. What API Gateway refuses before invoking the function the runner refuses itself,
 * as a problem of the API's catalogue: request line and header values above {@link #API_GATEWAY_MAX_HEAD_BYTES}
 * (431), bodies above {@link #MAX_BODY_BYTES} (413).
 */
final class ExchangeHandler implements HttpHandler {

    /** Far below API Gateway's 10 MB, far above what the handler accepts (16 KiB): it still sees oversized bodies. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** API Gateway's payload limit: larger requests never reach a Lambda. */
    static final long API_GATEWAY_MAX_BYTES = 10L * 1024 * 1024;
    /**
     * The HTTP API quota "total combined size of request line and header values", 10,240 bytes, not adjustable
     * (API Gateway developer guide, "Quotas for configuring and running an HTTP API"): header names do not count.
     */
    static final int API_GATEWAY_MAX_HEAD_BYTES = 10_240;

    static final String TOKENS_PATH = "/local/tokens";
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final int MAX_SUB_LENGTH = 255;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiHandler handler;
    private final DevIssuer devIssuer;
    private final boolean accessLog;
    private final DocsPages docs;

    ExchangeHandler(ApiHandler handler, DevIssuer devIssuer, boolean accessLog) {
        this.handler = handler;
        this.devIssuer = devIssuer;
        this.accessLog = accessLog;
        this.docs = devIssuer == null
                ? DocsPages.withoutToken()
                : DocsPages.withDevTokens(() -> devIssuer.token(LocalApi.DEV_USER, TOKEN_LIFETIME));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        try (exchange) {
            OutgoingResponse response;
            try {
                response = respond(exchange);
            } catch (RuntimeException e) {
                // What API Gateway answers when the function fails: the detail stays in the log.
                System.err.println("local: the handler failed: " + e);
                e.printStackTrace();
                response = new OutgoingResponse(
                        500,
                        Map.of("Content-Type", List.of("application/json")),
                        "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
            }
            send(exchange, response);
            if (accessLog) {
                System.out.printf(
                        "%s %s -> %d (%d ms)%n",
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        response.status(),
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
            }
        }
    }

    private OutgoingResponse respond(HttpExchange exchange) throws IOException {
        long headBytes = headBytes(exchange);
        if (headBytes > API_GATEWAY_MAX_HEAD_BYTES) {
            skipAtMost(exchange.getRequestBody(), API_GATEWAY_MAX_BYTES);
            return problem(
                    ProblemType.HEADERS_TOO_LARGE,
                    "The request line and header values are " + headBytes + " bytes; API Gateway's limit is "
                            + API_GATEWAY_MAX_HEAD_BYTES + " bytes.",
                    Map.of());
        }
        byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            // Read (and drop) the rest, up to API Gateway's own limit, so that the client, still sending,
            // receives the 413 instead of a connection reset; beyond that the connection is simply closed.
            skipAtMost(exchange.getRequestBody(), API_GATEWAY_MAX_BYTES);
            return tooLarge();
        }
        Optional<OutgoingResponse> docsPage = docs.respond(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Host"),
                exchange.getRemoteAddress());
        if (docsPage.isPresent()) {
            return docsPage.get();
        }
        // Minted only for a request addressed to a loopback name, as the docs page's token: a page of a DNS-rebound
        // name reaches this loopback port too, but its Host is not a loopback name, so the path is not served to it.
        if (devIssuer != null
                && exchange.getRequestURI().getRawPath().equals(TOKENS_PATH)
                && DocsPages.isLoopback(exchange.getRequestHeaders().getFirst("Host"), exchange.getRemoteAddress())) {
            return mintToken(exchange.getRequestMethod(), body);
        }
        IncomingRequest request = new IncomingRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI(),
                exchange.getProtocol(),
                exchange.getRequestHeaders(),
                exchange.getRemoteAddress(),
                exchange.getLocalAddress().getPort(),
                body,
                Instant.now());
        ObjectNode event = ApiGatewayEvents.toEvent(request);
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), response, new LocalContext());
        if (response.size() == 0) {
            throw new IllegalStateException("the handler wrote no response");
        }
        OutgoingResponse http = ApiGatewayEvents.toHttp(response.toByteArray());
        http.headers()
                .put(
                        "apigw-requestid",
                        List.of(event.get("requestContext").get("requestId").asText()));
        return http;
    }

    /** {@code POST /local/tokens {"sub": "..."}}: a development token for any user (a random one without sub). */
    private OutgoingResponse mintToken(String method, byte[] body) {
        if (!method.equals("POST")) {
            return problem(ProblemType.METHOD_NOT_ALLOWED, "Use POST " + TOKENS_PATH + ".", Map.of("Allow", "POST"));
        }
        String sub = "dev-" + UUID.randomUUID();
        if (body.length > 0) {
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (IOException e) {
                json = null;
            }
            if (json == null || !json.isObject()) {
                return problem(
                        ProblemType.MALFORMED_BODY,
                        "Send a JSON object such as {\"sub\": \"user-b\"}, or no body for a random user.",
                        Map.of());
            }
            JsonNode given = json.get("sub");
            if (given != null && !given.isNull()) {
                if (!given.isTextual()
                        || given.asText().isBlank()
                        || given.asText().length() > MAX_SUB_LENGTH
                        || given.asText().chars().anyMatch(Character::isISOControl)) {
                    return problem(
                            ProblemType.VALIDATION,
                            "'sub' must be a non-blank string of at most " + MAX_SUB_LENGTH + " characters.",
                            Map.of());
                }
                sub = given.asText();
            }
        }
        ObjectNode answer = JSON.createObjectNode()
                .put("token", devIssuer.token(sub, TOKEN_LIFETIME))
                .put("sub", sub)
                .put("expiresIn", TOKEN_LIFETIME.toSeconds());
        return new OutgoingResponse(
                200, headers("application/json"), answer.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static OutgoingResponse tooLarge() {
        return problem(
                ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + MAX_BODY_BYTES
                        + " bytes, which the local server does not pass on.",
                Map.of());
    }

    /**
     * A plain RFC 9457 problem of the API's catalogue, with the headers of the handler's answers (HttpEdgeCasesTest pins
     * both against the handler's own problems).
     */
    static OutgoingResponse problem(ProblemType type, String detail, Map<String, String> extra) {
        ObjectNode problem = JSON.createObjectNode()
                .put("type", type.uri())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", detail);
        Map<String, List<String>> headers = headers("application/problem+json");
        extra.forEach((name, value) -> headers.put(name, List.of(value)));
        return new OutgoingResponse(type.status(), headers, problem.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The headers every answer of the API carries: private to the caller, never sniffed. */
    private static Map<String, List<String>> headers(String contentType) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(contentType));
        headers.put("Cache-Control", List.of("no-store"));
        headers.put("X-Content-Type-Options", List.of("nosniff"));
        return headers;
    }

    /** The request line's and the header values' bytes, as API Gateway counts them for its quota. */
    private static long headBytes(HttpExchange exchange) {
        long line = exchange.getRequestMethod().length()
                + 1
                + exchange.getRequestURI().toString().length()
                + 1
                + exchange.getProtocol().length();
        // Header bytes are read as ISO-8859-1 (RequestHead): one char per byte.
        long values = exchange.getRequestHeaders().values().stream()
                .flatMap(List::stream)
                .mapToLong(String::length)
                .sum();
        return line + values;
    }

    private static void skipAtMost(InputStream in, long limit) throws IOException {
        long skipped = 0;
        byte[] buffer = new byte[8192];
        int read;
        while (skipped < limit && (read = in.read(buffer)) > 0) {
            skipped += read;
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        int read;
        while (total < limit && (read = in.read(buffer, 0, Math.min(buffer.length, limit - total))) > 0) {
            out.write(buffer, 0, read);
            total += read;
        }
        return out.toByteArray();
    }

    private static void send(HttpExchange exchange, OutgoingResponse response) throws IOException {
        response.headers()
                .forEach((name, values) -> exchange.getResponseHeaders().put(name, new ArrayList<>(values)));
        boolean noBody = response.body().length == 0
                || exchange.getRequestMethod().equals("HEAD")
                || response.status() == 204
                || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }
}
