package org.assessmentsapi.adapter.auth;

/** The outcome of checking a request's bearer token. */
public sealed interface AuthResult {

    /**
     * A valid token that grants what the operation needs; {@code userId} is its {@code sub}, {@code scopes} what it
     * grants ({@code permissions}, {@code scope}, {@code scp}).
     */
    record Authenticated(String userId, java.util.Set<String> scopes) implements AuthResult {}

    /** No token, or one that is invalid for any reason; the reason goes to the log, never to the client. */
    record Rejected(String reason) implements AuthResult {}

    /** A valid token that does not grant the scope the operation needs ({@code needed}). */
    record InsufficientScope(String needed) implements AuthResult {}

    /** The token could not be checked now because the issuer's keys could not be fetched (retry later). */
    record IssuerUnavailable(String reason) implements AuthResult {}

    /**
     * The token cannot be checked because the settings of the identity provider are wrong (no discovery document or
     * key set where configured, one that is not JSON or not a key set, another {@code issuer}): retrying does not
     * help until the configuration is fixed.
     */
    record IssuerMisconfigured(String reason) implements AuthResult {}
}
