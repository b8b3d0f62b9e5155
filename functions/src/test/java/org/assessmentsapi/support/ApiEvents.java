package org.assessmentsapi.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.assessmentsapi.devkit.ApiGatewayRoutes;
import org.assessmentsapi.devkit.hostile.HostileRequest;

/**
 * Request events built from the sample events in {@code events/} (the same files SAM invokes), read into the
 * event class (unknown fields fail: the samples are what Lambda sends), then given a fresh id, token and body.
 */
public final class ApiEvents {

    private ApiEvents() {}

    public static Path eventsDir() {
        return Path.of(System.getProperty("events.dir", "../events"));
    }

    public static APIGatewayV2HTTPEvent sample(String fileName) {
        return LambdaInvocations.read(eventsDir().resolve(fileName), APIGatewayV2HTTPEvent.class);
    }

    public static APIGatewayV2HTTPEvent put(String id, String token, String body) {
        APIGatewayV2HTTPEvent event = onItem(sample("put-assessment.json"), id, token);
        event.setBody(body);
        return event;
    }

    public static APIGatewayV2HTTPEvent get(String id, String token) {
        return onItem(sample("get-assessment.json"), id, token);
    }

    /** The list sample with another query string ({@code queryStringParameters} as API Gateway joins them). */
    public static APIGatewayV2HTTPEvent list(String token, String rawQueryString) {
        APIGatewayV2HTTPEvent event = sample("list-assessments.json");
        setToken(event, token);
        event.setRawQueryString(rawQueryString);
        Map<String, String> joined = new java.util.LinkedHashMap<>();
        for (String part : rawQueryString.isEmpty() ? new String[0] : rawQueryString.split("&")) {
            String[] nameValue = part.split("=", 2);
            joined.merge(nameValue[0], nameValue.length > 1 ? nameValue[1] : "", (a, b) -> a + "," + b);
        }
        event.setQueryStringParameters(joined.isEmpty() ? null : joined);
        return event;
    }

    /** The delete sample on another id, without its If-Match. */
    public static APIGatewayV2HTTPEvent delete(String id, String token) {
        return withHeader(onItem(sample("delete-assessment.json"), id, token), "if-match", null);
    }

    public static APIGatewayV2HTTPEvent post(String token, String body) {
        APIGatewayV2HTTPEvent event = sample("post-assessment.json");
        setToken(event, token);
        event.setBody(body);
        return event;
    }

    /**
     * A generated request as API Gateway would deliver it: the route key and path id of the route it matches
     * ({@code $default} for none: API Gateway itself would answer 404, and so does the handler), raw bytes
     * base64-encoded, text as is (even with unpaired surrogates, which no HTTP client could send), the sample's
     * other headers kept. Built from a
     * sample read once: thousands of these are sent, and reading the file each time would dominate.
     */
    public static APIGatewayV2HTTPEvent of(HostileRequest request, String token) {
        APIGatewayV2HTTPEvent template = Template.PUT;
        Map<String, String> headers = new HashMap<>(template.getHeaders());
        headers.remove("content-type");
        headers.putAll(request.headers());
        headers.put("authorization", "Bearer " + token);
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(request.method())
                .withPath(request.path())
                .withProtocol("HTTP/1.1")
                .withSourceIp(template.getRequestContext().getHttp().getSourceIp())
                .build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId(template.getRequestContext().getRequestId())
                .withStage("$default")
                .withHttp(http)
                .build();
        boolean binary = request.bytes() != null;
        Optional<ApiGatewayRoutes.Match> route = ApiGatewayRoutes.match(request.method(), request.path());
        String routeKey = route.map(ApiGatewayRoutes.Match::routeKey).orElse(ApiGatewayRoutes.DEFAULT_ROUTE);
        context.setRouteKey(routeKey);
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(request.path())
                .withRawQueryString(request.query() == null ? "" : request.query())
                .withHeaders(headers)
                .withPathParameters(route.flatMap(ApiGatewayRoutes.Match::id)
                        .map(id -> Map.of("id", id))
                        .orElse(null))
                .withRequestContext(context)
                .withBody(binary ? Base64.getEncoder().encodeToString(request.bytes()) : request.text())
                .withIsBase64Encoded(binary)
                .build();
    }

    /** The sample PUT event, read once. */
    private static final class Template {
        static final APIGatewayV2HTTPEvent PUT = sample("put-assessment.json");
    }

    private static APIGatewayV2HTTPEvent onItem(APIGatewayV2HTTPEvent event, String id, String token) {
        String path = "/api/assessments/" + id;
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        event.setPathParameters(Map.of("id", id));
        setToken(event, token);
        return event;
    }

    private static void setToken(APIGatewayV2HTTPEvent event, String token) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (token == null) {
            headers.remove("authorization");
        } else {
            headers.put("authorization", "Bearer " + token);
        }
        event.setHeaders(headers);
    }

    /** The same request with method HEAD, routed as API Gateway routes it (a GET's event becomes its HEAD's). */
    public static APIGatewayV2HTTPEvent head(APIGatewayV2HTTPEvent get) {
        return routed(get, "HEAD", get.getRawPath());
    }

    /** Sets method, path, route key and path parameters as API Gateway would for this method and path. */
    public static APIGatewayV2HTTPEvent routed(APIGatewayV2HTTPEvent event, String method, String path) {
        Optional<ApiGatewayRoutes.Match> route = ApiGatewayRoutes.match(method, path);
        event.getRequestContext().getHttp().setMethod(method);
        event.getRequestContext().getHttp().setPath(path);
        event.setRawPath(path);
        String routeKey = route.map(ApiGatewayRoutes.Match::routeKey).orElse(ApiGatewayRoutes.DEFAULT_ROUTE);
        event.setRouteKey(routeKey);
        event.getRequestContext().setRouteKey(routeKey);
        event.setPathParameters(route.flatMap(ApiGatewayRoutes.Match::id)
                .map(id -> Map.of("id", id))
                .orElse(null));
        return event;
    }

    /** Replaces (or removes, with null) one header of an event. */
    public static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        event.setHeaders(headers);
        return event;
    }
}
