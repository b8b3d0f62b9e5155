package org.assessmentsapi.adapter.http;

/**
 * The catalogue of problem types, a public contract: each {@code type} URI, title and status is documented in
 * README.md and docs/openapi.yaml, and what answers in the API's name (the handler, the local runner in API
 * Gateway's place) answers with these.
 */
public enum ProblemType {
    VALIDATION(400, "validation-failed", "Invalid request"),
    MALFORMED_BODY(400, "malformed-body", "Malformed request body"),
    INVALID_ID(400, "invalid-id", "Invalid assessment id"),
    INVALID_PRECONDITION(400, "invalid-precondition", "Invalid conditional request"),
    INVALID_CURSOR(400, "invalid-cursor", "Invalid cursor"),
    INVALID_IDEMPOTENCY_KEY(400, "invalid-idempotency-key", "Invalid idempotency key"),
    MALFORMED_EVENT(400, "malformed-event", "Malformed invocation event"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    INSUFFICIENT_SCOPE(403, "insufficient-scope", "Insufficient scope"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    VERSION_CONFLICT(409, "version-conflict", "Version conflict"),
    PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency key reused"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    /** Answered only where the local runner stands in for API Gateway, which refuses such a request itself. */
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request header fields too large"),
    INTERNAL(500, "internal-error", "Internal error"),
    UNAVAILABLE(503, "service-unavailable", "Service temporarily unavailable"),
    AUTH_MISCONFIGURED(503, "auth-misconfigured", "Token verification misconfigured");

    /** URNs rather than web addresses: the project has no site of its own; README.md documents each one. */
    private static final String BASE = "urn:assessments-api:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }
}
