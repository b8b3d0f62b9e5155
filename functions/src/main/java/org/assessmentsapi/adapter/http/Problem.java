package org.assessmentsapi.adapter.http;

import java.util.List;
import java.util.Map;
import org.assessmentsapi.adapter.validation.FieldError;

/**
 * An RFC 9457 problem: the only shape of error the API returns. {@code errors} lists validation
 * problems, {@code currentVersion} comes with conflicts; both are omitted when null.
 */
record Problem(
        ProblemType type, String detail, List<FieldError> errors, Long currentVersion, Map<String, String> headers) {

    static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, null, null, Map.of());
    }

    Problem withHeader(String name, String value) {
        var merged = new java.util.HashMap<>(headers);
        merged.put(name, value);
        return new Problem(type, detail, errors, currentVersion, Map.copyOf(merged));
    }

    static Problem validation(List<FieldError> errors) {
        return new Problem(ProblemType.VALIDATION, "The request body is invalid: see errors.", errors, null, Map.of());
    }

    /** The query parameters break the rules; {@code field} names the parameter. */
    static Problem invalidQuery(List<FieldError> errors) {
        return new Problem(
                ProblemType.VALIDATION, "The query parameters are invalid: see errors.", errors, null, Map.of());
    }

    static Problem versionConflict(long currentVersion) {
        return new Problem(
                ProblemType.VERSION_CONFLICT,
                "The assessment was changed by someone else: it is at version " + currentVersion
                        + ". Fetch it, re-apply your change and send it with that version.",
                null,
                currentVersion,
                Map.of());
    }

    /** If-Match named another version; {@code currentVersion} is null when no write was tried (the tag can never match). */
    static Problem preconditionFailed(Long currentVersion) {
        String detail = currentVersion == null
                ? "If-Match can never match: send the ETag you received, such as \"3\" (a strong tag, not W/\"3\")."
                : "The assessment is at version " + currentVersion + ", not the one named in If-Match."
                        + " Fetch it, re-apply your change and send it with If-Match: \"" + currentVersion + "\".";
        return new Problem(ProblemType.PRECONDITION_FAILED, detail, null, currentVersion, Map.of());
    }

    HttpResponse toResponse() {
        return HttpResponse.json(type.status(), "application/problem+json", JsonWriter.problem(this), headers);
    }
}
