package org.assessmentsapi.bootstrap;

import java.net.URI;

/**
 * What the API function needs to verify bearer tokens: the issuer, the audience tokens must name, and
 * where the issuer publishes its keys. The event-driven function has no users and needs none of it.
 */
public record JwtConfig(String issuer, String audience, URI jwksUrl) {}
