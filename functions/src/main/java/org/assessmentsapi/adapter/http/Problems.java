package org.assessmentsapi.adapter.http;

import java.util.Map;

/**
 * Problem answers for adapters in front of the handler (the local runner's own refusals, such as a body
 * too large to pass on), in exactly the handler's shape and headers, so that clients see one format.
 */
public final class Problems {

    private Problems() {}

    /** The problem as the API Gateway v2 response JSON the handler writes. */
    public static byte[] response(ProblemType type, String detail, Map<String, String> headers) {
        Problem problem = Problem.of(type, detail);
        for (var header : headers.entrySet()) {
            problem = problem.withHeader(header.getKey(), header.getValue());
        }
        return problem.toResponse().toJson();
    }
}
