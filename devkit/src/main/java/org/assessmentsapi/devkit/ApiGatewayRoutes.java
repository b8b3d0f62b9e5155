package org.assessmentsapi.devkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The routes the stack declares on its HTTP API (infra's AssessmentsHttpApi, docs/openapi.yaml), and how API
 * Gateway matches a request to one: for what stands in for API Gateway (the local runner) and for tests that
 * build the events it would send. API Gateway invokes the function only for a matched route, with its
 * {@code routeKey} and path parameters; a request that matches none it answers 404 itself.
 */
public final class ApiGatewayRoutes {

    /** The route key of a catch-all route; the stack declares none, so the function never sees it from AWS. */
    public static final String DEFAULT_ROUTE = "$default";

    public static final String COLLECTION = "/api/assessments";
    public static final String ITEM = COLLECTION + "/{id}";

    /** Every route key the HTTP API declares. */
    public static final List<String> ROUTE_KEYS = List.of(
            "POST " + COLLECTION,
            "GET " + COLLECTION,
            "HEAD " + COLLECTION,
            "GET " + ITEM,
            "HEAD " + ITEM,
            "PUT " + ITEM,
            "DELETE " + ITEM);

    /** A matched route: its key, and the decoded {@code {id}} of an item route. */
    public record Match(String routeKey, Optional<String> id) {}

    private ApiGatewayRoutes() {}

    /**
     * The route API Gateway matches, if any: the method exactly as sent (methods are case-sensitive, RFC 9110
     * section 9.1: {@code put} is no {@code PUT}), the raw path exactly (no trailing slash, no empty or extra
     * segment), {@code {id}} one non-empty segment, percent-decoded.
     */
    public static Optional<Match> match(String method, String rawPath) {
        if (rawPath.equals(COLLECTION)) {
            return route(method + " " + COLLECTION, Optional.empty());
        }
        if (rawPath.startsWith(COLLECTION + "/")) {
            String segment = rawPath.substring(COLLECTION.length() + 1);
            if (!segment.isEmpty() && segment.indexOf('/') < 0) {
                return route(method + " " + ITEM, Optional.of(percentDecode(segment)));
            }
        }
        return Optional.empty();
    }

    private static Optional<Match> route(String routeKey, Optional<String> id) {
        return ROUTE_KEYS.contains(routeKey) ? Optional.of(new Match(routeKey, id)) : Optional.empty();
    }

    /** Percent-decoding of a path segment ('+' stays '+', unlike in a query); a broken escape is kept as sent. */
    private static String percentDecode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
