package org.assessmentsapi.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;

/**
 * The issuer's JWKS, fetched over HTTP(S) and cached across invocations. An unknown {@code kid} triggers a
 * refresh (keys rotate), but at most one fetch per {@link #MIN_REFETCH_INTERVAL}: tokens with random
 * {@code kid}s cannot make the function hammer the issuer. Fetches have short timeouts so that a slow
 * issuer yields a clear answer well within the function's timeout.
 */
public final class JwksSources {

    static final Duration CACHE_TTL = Duration.ofMinutes(15);
    static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(3);
    static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);
    static final int CONNECT_TIMEOUT_MS = 1_500;
    static final int READ_TIMEOUT_MS = 1_500;
    static final int SIZE_LIMIT_BYTES = 64 * 1024;

    private JwksSources() {
    }

    public static JWKSource<SecurityContext> remote(URI jwksUrl) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(jwksUrl.toURL(),
                            new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, SIZE_LIMIT_BYTES))
                    .cache(CACHE_TTL.toMillis(), REFRESH_TIMEOUT.toMillis())
                    .refreshAheadCache(false)
                    .rateLimited(MIN_REFETCH_INTERVAL.toMillis())
                    .retrying(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("JWKS_URL is not a valid URL: " + jwksUrl, e);
        }
    }

    /**
     * Fetches the issuer's keys now, at start-up, into the source's cache, so that the first request does not
     * wait for them. A failure is only reported: the request path fetches again and answers 503 if needed.
     */
    public static boolean prefetch(JWKSource<SecurityContext> keys) {
        try {
            keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
            return true;
        } catch (KeySourceException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A fixed, in-memory key set, for SnapStart priming only: it is never the key source of an authenticator
     * that serves requests.
     */
    public static JWKSource<SecurityContext> primingOnly(JWKSet keys) {
        return new ImmutableJWKSet<>(keys);
    }
}
