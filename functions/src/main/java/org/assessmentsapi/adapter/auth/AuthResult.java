package org.assessmentsapi.adapter.auth;

/** The outcome of checking a request's bearer token. */
public sealed interface AuthResult {

    /** A valid token; {@code userId} is its {@code sub}. */
    record Authenticated(String userId) implements AuthResult {}

    /** No token, or one that is invalid for any reason; the reason goes to the log, never to the client. */
    record Rejected(String reason) implements AuthResult {}

    /** The token could not be checked now because the issuer's keys could not be fetched. */
    record IssuerUnavailable(String reason) implements AuthResult {}
}
