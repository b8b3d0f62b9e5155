package org.assessmentsapi.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.assessmentsapi.devkit.ApiGatewayRoutes;

/**
 * Translates between HTTP and the API Gateway HTTP API payload format 2.0, the way API Gateway does it for
 * the function: header names lower-cased and repeated headers joined with commas, cookies moved out of the
 * headers into {@code cookies}, the route key of the matched route ({@link ApiGatewayRoutes}; {@code $default} for
 * a request API Gateway would answer 404 itself, which the handler answers 404 too), path parameters, and the body as text when it is valid UTF-8, else base64 with {@code isBase64Encoded}. The event is
 * built as the JSON Lambda hands to the function (absent parts left out), and the function's answer is read
 * from the response JSON it writes: the handler is called through its stream entry point, as on Lambda.
 */
final class ApiGatewayEvents {

    static final String STAGE = "$default";

    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiGatewayEvents() {}

    static ObjectNode toEvent(IncomingRequest request) {
        String rawPath = request.requestUri().getRawPath() == null
                        || request.requestUri().getRawPath().isEmpty()
                ? "/"
                : request.requestUri().getRawPath();
        String rawQuery = request.requestUri().getRawQuery() == null
                ? ""
                : request.requestUri().getRawQuery();
        String sourceIp = request.remoteAddress().getAddress().getHostAddress();

        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                for (String value : values) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                }
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        // API Gateway adds these before calling the function.
        headers.merge("x-forwarded-for", sourceIp, (sent, ip) -> sent + ", " + ip);
        headers.put("x-forwarded-port", Integer.toString(request.localPort()));
        headers.put("x-forwarded-proto", "http");
        headers.putIfAbsent("x-amzn-trace-id", traceId(request));

        Optional<ApiGatewayRoutes.Match> matched = ApiGatewayRoutes.match(request.method(), rawPath);
        String routeKey = matched.map(ApiGatewayRoutes.Match::routeKey).orElse(ApiGatewayRoutes.DEFAULT_ROUTE);

        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery);
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        ObjectNode headerObject = event.putObject("headers");
        headers.forEach(headerObject::put);
        if (!rawQuery.isEmpty()) {
            ObjectNode query = event.putObject("queryStringParameters");
            queryParameters(rawQuery).forEach(query::put);
        }
        matched.flatMap(ApiGatewayRoutes.Match::id)
                .ifPresent(id -> event.putObject("pathParameters").put("id", id));

        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        String host = hostName(headers.get("host"));
        context.put("domainName", host);
        context.put("domainPrefix", host.split("\\.", 2)[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", rawPath);
        http.put("protocol", request.protocol());
        http.put("sourceIp", sourceIp);
        if (headers.containsKey("user-agent")) {
            http.put("userAgent", headers.get("user-agent"));
        }
        context.put("requestId", requestId());
        context.put("routeKey", routeKey);
        context.put("stage", STAGE);
        context.put("time", REQUEST_TIME.format(request.receivedAt()));
        context.put("timeEpoch", request.receivedAt().toEpochMilli());

        byte[] body = request.body();
        if (body != null && body.length > 0) {
            Optional<String> text = utf8(body);
            event.put("body", text.orElseGet(() -> Base64.getEncoder().encodeToString(body)));
            event.put("isBase64Encoded", text.isEmpty());
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** The function's answer (its v2 response JSON) as HTTP: headers, multi-value headers and cookies merged, base64 bodies decoded. */
    static OutgoingResponse toHttp(byte[] responseJson) {
        JsonNode response;
        try {
            response = JSON.readTree(responseJson);
        } catch (IOException e) {
            throw new UncheckedIOException("the function's answer is not JSON", e);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.path("headers")
                .properties()
                .forEach(header -> headers.computeIfAbsent(header.getKey(), n -> new ArrayList<>())
                        .add(header.getValue().asText()));
        response.path("multiValueHeaders")
                .properties()
                .forEach(header -> header.getValue()
                        .forEach(value -> headers.computeIfAbsent(header.getKey(), n -> new ArrayList<>())
                                .add(value.asText())));
        response.path("cookies")
                .forEach(cookie -> headers.computeIfAbsent("Set-Cookie", n -> new ArrayList<>())
                        .add(cookie.asText()));
        JsonNode body = response.get("body");
        byte[] bytes = body == null || body.isNull()
                ? new byte[0]
                : response.path("isBase64Encoded").asBoolean()
                        ? Base64.getDecoder().decode(body.asText())
                        : body.asText().getBytes(StandardCharsets.UTF_8);
        return new OutgoingResponse(response.path("statusCode").asInt(), headers, bytes);
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = formDecode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : formDecode(pair.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String formDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static Optional<String> utf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return "localhost";
        }
        String host = hostHeader.trim();
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : host;
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** Like API Gateway's: 12 characters of base64, e.g. {@code Ab1Cd2Ef3Gh4=}. */
    private static String requestId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String traceId(IncomingRequest request) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "Root=1-" + Long.toHexString(request.receivedAt().getEpochSecond()) + "-"
                + HexFormat.of().formatHex(bytes);
    }
}
