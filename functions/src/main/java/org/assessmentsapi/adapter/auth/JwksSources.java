package org.assessmentsapi.adapter.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;

/**
 * The issuer's JWKS, fetched over HTTP(S) and cached across invocations. An unknown {@code kid} triggers a
 * refresh (keys rotate), but at most one fetch per {@link JwksSettings#minRefetchInterval()}: tokens with
 * random {@code kid}s cannot make the function hammer the issuer. Fetches have short timeouts so that a slow
 * issuer yields a clear answer well within the function's timeout. While the issuer cannot be reached and
 * no key is cached, tokens get 503 (retry later), not 401: see {@link OutageAwareJwkSource}.
 */
public final class JwksSources {

    private JwksSources() {}

    /** The production source: {@link JwksSettings#PRODUCTION}. */
    public static JWKSource<SecurityContext> remote(URI jwksUrl) {
        return remote(jwksUrl, JwksSettings.PRODUCTION);
    }

    public static JWKSource<SecurityContext> remote(URI jwksUrl, JwksSettings settings) {
        try {
            return new OutageAwareJwkSource(JWKSourceBuilder.<SecurityContext>create(
                            jwksUrl.toURL(),
                            new DefaultResourceRetriever(
                                    Math.toIntExact(settings.connectTimeout().toMillis()),
                                    Math.toIntExact(settings.readTimeout().toMillis()),
                                    settings.sizeLimitBytes()))
                    .cache(
                            settings.cacheTtl().toMillis(),
                            settings.refreshTimeout().toMillis())
                    .refreshAheadCache(false)
                    .rateLimited(settings.minRefetchInterval().toMillis())
                    .retrying(false)
                    .build());
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
}
