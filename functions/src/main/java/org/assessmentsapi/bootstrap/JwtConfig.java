package org.assessmentsapi.bootstrap;

import java.net.URI;
import java.util.Optional;
import org.assessmentsapi.adapter.auth.RequiredScopes;
import org.assessmentsapi.adapter.auth.TokenRules;

/**
 * What the API function needs to verify bearer tokens: the issuer ({@code iss} must equal it exactly), the audience
 * tokens must name, where the issuer publishes its keys ({@code JWKS_URL}; empty: the {@code jwks_uri} of the issuer's
 * OpenID discovery document), whether only RFC 9068 {@code at+jwt} tokens are accepted, and the scope each access
 * needs. The event-driven function has no users and needs none of it.
 */
public record JwtConfig(
        String issuer, String audience, Optional<URI> jwksOverride, boolean strictType, RequiredScopes scopes) {

    /** The rules every token must meet. */
    public TokenRules tokenRules() {
        return new TokenRules(issuer, audience, strictType, scopes);
    }

    /** {@code JWKS_URL}, for callers that always set it (e.g. the benchmark); fails when the keys are discovered. */
    public URI jwksUrl() {
        return jwksOverride.orElseThrow(
                () -> new IllegalStateException("JWKS_URL is not set: the keys are found through OpenID discovery"));
    }
}
