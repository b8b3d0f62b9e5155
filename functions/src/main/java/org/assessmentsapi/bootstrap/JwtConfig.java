package org.assessmentsapi.bootstrap;

import java.net.URI;

/**
 * What the API function needs to verify bearer tokens: the issuer, the audience tokens must name, and
 * where the issuer publishes its keys. The event-driven function has no users and needs none of it.
 */
public record JwtConfig(String issuer, String audience, URI jwksUrl) {

    /** These settings for another issuer and audience, the rest kept. */
    JwtConfig forIssuer(String otherIssuer, String otherAudience) {
        return new JwtConfig(otherIssuer, otherAudience, jwksUrl);
    }
}
