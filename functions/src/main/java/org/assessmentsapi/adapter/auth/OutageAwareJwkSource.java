package org.assessmentsapi.adapter.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;

/**
 * Tells an outage from a forgery when a refetch is rate-limited. The rate limiter answers the same way
 * to "this {@code kid} is unknown and we fetched moments ago" (a foreign key: 401) and to "the last fetch
 * failed and we may not ask again yet" (the issuer is down: the token cannot be checked, 503). Without
 * this, a valid token would be told it is invalid for the rest of the window after a failed fetch.
 */
final class OutageAwareJwkSource implements JWKSource<SecurityContext> {

    private final JWKSource<SecurityContext> delegate;
    /** Whether the latest attempt to get keys failed; a later success (fetch or cache hit) clears it. */
    private volatile boolean lastAttemptFailed;

    OutageAwareJwkSource(JWKSource<SecurityContext> delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        try {
            List<JWK> keys = delegate.get(selector, context);
            lastAttemptFailed = false;
            return keys;
        } catch (RateLimitReachedException e) {
            if (lastAttemptFailed) {
                throw new KeySourceException("the issuer's keys could not be fetched and a refetch is rate-limited", e);
            }
            throw e;
        } catch (KeySourceException e) {
            lastAttemptFailed = true;
            throw e;
        }
    }
}
