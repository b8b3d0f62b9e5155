package org.assessmentsapi.adapter.auth;

import java.net.URI;

/** What fetching the issuer's keys at start-up found ({@link JwksSources#check}). */
public sealed interface KeysStatus {

    /** Keys fetched from {@code jwksUrl} ({@code JWKS_URL}, or the discovered {@code jwks_uri}). */
    record Ready(URI jwksUrl) implements KeysStatus {}

    /** An outage (connect refused, timeout, 5xx): requests try again, and answer 503 with Retry-After meanwhile. */
    record Unavailable(String reason) implements KeysStatus {}

    /** A configuration error, named in {@code reason}: requests answer 503 {@code auth-misconfigured} until fixed. */
    record Misconfigured(String reason) implements KeysStatus {}
}
