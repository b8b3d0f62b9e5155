package org.assessmentsapi.adapter.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.util.List;

/**
 * The key set at one URL, which tells an outage from a forgery, and both from a configuration error. The rate
 * limiter answers the same way to "this {@code kid} is unknown and we fetched moments ago" (a foreign key: 401) and to
 * "the last fetch failed and we may not ask again yet": then the last failure answers again, an outage (the token
 * cannot be checked now, 503 retry) or a configuration error ({@link KeysMisconfiguredException}: the URL answers 404,
 * or not a key set). Without this, a valid token would be told it is invalid for the rest of the window after a
 * failed fetch.
 */
final class OutageAwareJwkSource implements JWKSource<SecurityContext> {

    private final JWKSource<SecurityContext> delegate;
    private final URI url;
    /** What to change when the key set is not where it should be (names the setting that chose the URL). */
    private final String fix;
    /** The latest attempt's failure, classified; a later success (fetch or cache hit) clears it. */
    private volatile KeySourceException lastFailure;

    OutageAwareJwkSource(JWKSource<SecurityContext> delegate, URI url, String fix) {
        this.delegate = delegate;
        this.url = url;
        this.fix = fix;
    }

    /** Where the keys are fetched from. */
    URI url() {
        return url;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        try {
            List<JWK> keys = delegate.get(selector, context);
            lastFailure = null;
            return keys;
        } catch (RateLimitReachedException e) {
            KeySourceException failure = lastFailure;
            if (failure instanceof KeysMisconfiguredException) {
                throw failure;
            }
            if (failure != null) {
                throw new KeySourceException("the issuer's keys could not be fetched and a refetch is rate-limited", e);
            }
            throw e;
        } catch (KeySourceException e) {
            KeySourceException failure = KeysMisconfiguredException.classify("the JWKS at " + url, fix, e);
            lastFailure = failure;
            throw failure;
        }
    }
}
