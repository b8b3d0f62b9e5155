package org.assessmentsapi.adapter.auth;

/**
 * What a token must be, besides signed by one of the issuer's keys.
 *
 * @param issuer     {@code iss} must equal it exactly, character for character (a trailing slash included)
 * @param audience   {@code aud} must contain it
 * @param strictType only {@code typ: at+jwt} (or {@code application/at+jwt}) is accepted, as RFC 9068 requires of
 *                   access tokens; otherwise also {@code JWT} or no {@code typ} (Auth0 sends {@code JWT})
 * @param scopes     the scope each access needs
 */
public record TokenRules(String issuer, String audience, boolean strictType, RequiredScopes scopes) {

    /** The default rules: loose {@code typ}, no scope check. */
    public static TokenRules of(String issuer, String audience) {
        return new TokenRules(issuer, audience, false, RequiredScopes.NONE);
    }
}
