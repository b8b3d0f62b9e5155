package org.assessmentsapi.adapter.http;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assessmentsapi.adapter.auth.Access;
import org.assessmentsapi.adapter.validation.AssessmentIds;

/**
 * The API's routes, as the HTTP API declares them (infra's AssessmentsHttpApi, docs/openapi.yaml). The handler
 * dispatches on the event's {@code routeKey}, the route API Gateway matched: API Gateway invokes the function only
 * for these keys, so the handler never matches paths itself. A path API Gateway matches to no route (a trailing
 * slash, an extra segment, a method in lower case: route methods are case-sensitive, RFC 9110 section 9.1) never
 * reaches it; a key it does not serve ({@code $default}, say) answers 404 as API Gateway does.
 */
enum Route {
    CREATE("POST", false),
    LIST("GET", false),
    LIST_HEAD("HEAD", false),
    GET("GET", true),
    GET_HEAD("HEAD", true),
    UPDATE("PUT", true),
    DELETE("DELETE", true);

    static final String COLLECTION = "/api/assessments";

    private static final Map<String, Route> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Route::key, Function.identity()));

    private final String method;
    private final boolean onItem;

    Route(String method, boolean onItem) {
        this.method = method;
        this.onItem = onItem;
    }

    /** The route as API Gateway names it, e.g. {@code PUT /api/assessments/{id}}: a bounded metric dimension. */
    String key() {
        return method + " " + COLLECTION + (onItem ? "/{id}" : "");
    }

    /** A HEAD route: it answers as the GET route of its path, without the body. */
    boolean isHead() {
        return method.equals("HEAD");
    }

    /** What the route does with the caller's data, which decides the scope it needs: reads are GET and HEAD. */
    Access access() {
        return method.equals("GET") || method.equals("HEAD") ? Access.READ : Access.WRITE;
    }

    /** The route of an event's {@code routeKey}, or a 404 problem for a key the API does not serve. */
    static Route of(String routeKey) {
        Route route = BY_KEY.get(routeKey);
        if (route == null) {
            throw new ProblemException(Problem.of(ProblemType.NOT_FOUND, "No route matches this method and path."));
        }
        return route;
    }

    /**
     * The assessment id of an item route, as stored (see {@link AssessmentIds}), or a 400 problem. API Gateway
     * always sets {@code pathParameters.id} on an item route: an event without it is malformed.
     */
    static String itemId(HttpRequest request) {
        if (request.pathId() == null) {
            throw new ProblemException(Problem.of(
                    ProblemType.MALFORMED_EVENT, "The invocation event of an item route has no 'pathParameters.id'."));
        }
        return AssessmentIds.normalize(request.pathId())
                .orElseThrow(() -> new ProblemException(Problem.of(
                        ProblemType.INVALID_ID,
                        "The assessment id in the path must be a UUID such as " + AssessmentIds.EXAMPLE + ".")));
    }
}
