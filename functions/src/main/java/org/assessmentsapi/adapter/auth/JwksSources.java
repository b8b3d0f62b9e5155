package org.assessmentsapi.adapter.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Optional;

/**
 * The issuer's JWKS, fetched over HTTP(S) and cached across invocations: from {@code JWKS_URL} when it is set, else
 * from the {@code jwks_uri} of the issuer's OpenID discovery document ({@link DiscoveringJwkSource}). An unknown
 * {@code kid} triggers a refresh (keys rotate), but at most one fetch per {@link JwksSettings#minRefetchInterval()}:
 * tokens with random {@code kid}s cannot make the function hammer the issuer. Fetches have short timeouts so that a
 * slow issuer yields a clear answer well within the function's timeout. While the issuer cannot be reached and no
 * key is cached, tokens get 503 (retry later), not 401: see {@link OutageAwareJwkSource}; when the configuration is
 * wrong (404, not JSON, not a key set, another issuer), a {@link KeysMisconfiguredException} says what to fix.
 */
public final class JwksSources {

    private JwksSources() {}

    /** The production source of a fixed JWKS URL: {@link JwksSettings#PRODUCTION}. */
    public static JWKSource<SecurityContext> remote(URI jwksUrl) {
        return remote(jwksUrl, JwksSettings.PRODUCTION);
    }

    /** The key set at {@code jwksUrl} ({@code JWKS_URL}). */
    public static JWKSource<SecurityContext> remote(URI jwksUrl, JwksSettings settings) {
        return atUrl(jwksUrl, settings, new StatusCheckingRetriever(settings), "check JWKS_URL");
    }

    /** The keys of {@code issuer}: at {@code jwksUrl} when set ({@code JWKS_URL}), else found by discovery. */
    public static JWKSource<SecurityContext> forIssuer(String issuer, Optional<URI> jwksUrl, JwksSettings settings) {
        if (jwksUrl.isPresent()) {
            return remote(jwksUrl.get(), settings);
        }
        return new DiscoveringJwkSource(
                issuer, settings, new StatusCheckingRetriever(settings), System::currentTimeMillis);
    }

    /** {@code fix}: what to change when the URL answers a configuration error (names the setting that chose it). */
    static OutageAwareJwkSource atUrl(URI jwksUrl, JwksSettings settings, ResourceRetriever retriever, String fix) {
        try {
            return new OutageAwareJwkSource(
                    JWKSourceBuilder.<SecurityContext>create(jwksUrl.toURL(), retriever)
                            .cache(
                                    settings.cacheTtl().toMillis(),
                                    settings.refreshTimeout().toMillis())
                            .refreshAheadCache(false)
                            .rateLimited(settings.minRefetchInterval().toMillis())
                            .retrying(false)
                            .build(),
                    jwksUrl,
                    fix);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a valid JWKS URL: " + jwksUrl, e);
        }
    }

    /**
     * Fetches the issuer's keys now, at start-up, into the source's cache, so that the first request does not
     * wait for them. A failure is only reported: the request path fetches again and answers 503 if needed.
     */
    public static boolean prefetch(JWKSource<SecurityContext> keys) {
        return check(keys) instanceof KeysStatus.Ready;
    }

    /** As {@link #prefetch}, and says what it found: where the keys are, an outage, or a configuration error. */
    public static KeysStatus check(JWKSource<SecurityContext> keys) {
        try {
            keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
            URI location = switch (keys) {
                case DiscoveringJwkSource discovered -> discovered.location().orElse(null);
                case OutageAwareJwkSource fixed -> fixed.url();
                default -> null;
            };
            return new KeysStatus.Ready(location);
        } catch (KeysMisconfiguredException e) {
            return new KeysStatus.Misconfigured(e.getMessage());
        } catch (KeySourceException | RuntimeException e) {
            return new KeysStatus.Unavailable(String.valueOf(e.getMessage()));
        }
    }
}
