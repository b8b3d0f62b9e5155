package org.assessmentsapi.adapter.http;

import java.util.Optional;
import java.util.regex.Pattern;
import org.assessmentsapi.adapter.auth.Access;
import org.assessmentsapi.adapter.validation.AssessmentIds;

/** The API's routes, matched on the method and path of the request (the same for API Gateway and locally). */
enum Route {
    CREATE("POST", false),
    LIST("GET", false),
    GET("GET", true),
    UPDATE("PUT", true),
    DELETE("DELETE", true);

    static final String COLLECTION = "/api/assessments";
    /** Compiled once, not by String.matches on every 405. */
    private static final Pattern METHOD_NAME = Pattern.compile("[A-Z]{1,10}");

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

    /** What the route does with the caller's data, which decides the scope it needs: reads are GET and HEAD. */
    Access access() {
        return method.equals("GET") || method.equals("HEAD") ? Access.READ : Access.WRITE;
    }

    /** The route for a request, or a 404/405 problem. */
    static Route match(HttpRequest request) {
        Optional<Boolean> onItem = shape(request.path());
        if (onItem.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.NOT_FOUND, "There is no such resource."));
        }
        for (Route route : values()) {
            if (route.onItem == onItem.get() && route.method.equals(request.method())) {
                return route;
            }
        }
        throw new ProblemException(Problem.of(
                        ProblemType.METHOD_NOT_ALLOWED,
                        "Method " + sanitize(request.method()) + " is not allowed here.")
                .withHeader("Allow", allowed(onItem.get())));
    }

    /** The methods served on the item path or on the collection, for {@code Allow}. */
    private static String allowed(boolean onItem) {
        return java.util.Arrays.stream(values())
                .filter(route -> route.onItem == onItem)
                .map(route -> route.method)
                .sorted()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The assessment id of an item route's path, as stored (see {@link AssessmentIds}), or a 400 problem. */
    static String itemId(HttpRequest request) {
        String segment =
                request.pathId() != null ? request.pathId() : request.path().substring(COLLECTION.length() + 1);
        return AssessmentIds.normalize(segment)
                .orElseThrow(() -> new ProblemException(Problem.of(
                        ProblemType.INVALID_ID,
                        "The assessment id in the path must be a UUID such as " + AssessmentIds.EXAMPLE + ".")));
    }

    /** Empty for unknown paths; true for /api/assessments/{id}, false for the collection. */
    private static Optional<Boolean> shape(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (trimmed.equals(COLLECTION)) {
            return Optional.of(false);
        }
        if (trimmed.startsWith(COLLECTION + "/") && trimmed.indexOf('/', COLLECTION.length() + 1) < 0) {
            return Optional.of(true);
        }
        return Optional.empty();
    }

    private static String sanitize(String method) {
        return METHOD_NAME.matcher(method).matches() ? method : "(invalid)";
    }
}
