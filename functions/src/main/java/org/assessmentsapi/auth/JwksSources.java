package org.assessmentsapi.auth;

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
}
