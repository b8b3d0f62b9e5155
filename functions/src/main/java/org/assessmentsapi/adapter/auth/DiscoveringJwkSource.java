package org.assessmentsapi.adapter.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The issuer's keys when {@code JWKS_URL} is not set: their location comes from the issuer's OpenID discovery
 * document ({@link OpenIdDiscovery}), found on the first use (the start-up's warm-up fetches keys, so normally then),
 * and kept; the key set at that location is fetched and cached as a configured {@code JWKS_URL} is.
 *
 * <p>Failures: discovery is tried again at most once per {@link JwksSettings#minRefetchInterval()} (tokens cannot
 * make the function hammer the provider); meanwhile the last failure answers, an outage (503 retry) or a configuration
 * error ({@link KeysMisconfiguredException}). A key set that answers a configuration error makes the location be
 * discovered again after that interval (the provider may have moved it). The interval is measured on the wall
 * clock, like the key set cache: a SnapStart snapshot restored later finds both expired and fetches again, so
 * neither a failure nor a location found when the snapshot was taken lasts past one interval after a restore.
 */
final class DiscoveringJwkSource implements JWKSource<SecurityContext> {

    private final String issuer;
    private final JwksSettings settings;
    private final ResourceRetriever retriever;
    private final LongSupplier wallClockMillis;

    /** The key set at the discovered location; null until discovered (or after it answered a configuration error). */
    private volatile OutageAwareJwkSource keys;
    /** Guarded by this: the last failure of discovery (or of the discovered key set), and when to try again. */
    private KeySourceException lastFailure;

    private long retryAtMillis;

    DiscoveringJwkSource(
            String issuer, JwksSettings settings, ResourceRetriever retriever, LongSupplier wallClockMillis) {
        this.issuer = issuer;
        this.settings = settings;
        this.retriever = retriever;
        this.wallClockMillis = wallClockMillis;
    }

    /** The discovered key set's location, if discovered. */
    Optional<URI> location() {
        OutageAwareJwkSource current = keys;
        return current == null ? Optional.empty() : Optional.of(current.url());
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        OutageAwareJwkSource current = keys;
        if (current == null) {
            current = discover();
        }
        try {
            return current.get(selector, context);
        } catch (KeysMisconfiguredException e) {
            forget(current, e);
            throw e;
        }
    }

    private synchronized OutageAwareJwkSource discover() throws KeySourceException {
        if (keys != null) {
            return keys;
        }
        long now = wallClockMillis.getAsLong();
        if (lastFailure != null && now < retryAtMillis) {
            throw lastFailure;
        }
        try {
            URI jwksUri = OpenIdDiscovery.jwksUri(issuer, retriever);
            keys = JwksSources.atUrl(
                    jwksUri,
                    settings,
                    retriever,
                    "it is the jwks_uri of the discovery document at " + OpenIdDiscovery.documentUrl(issuer)
                            + "; set JWKS_URL to the key set");
            lastFailure = null;
            return keys;
        } catch (KeySourceException e) {
            lastFailure = e;
            retryAtMillis = now + settings.minRefetchInterval().toMillis();
            throw e;
        }
    }

    private synchronized void forget(OutageAwareJwkSource misconfigured, KeysMisconfiguredException failure) {
        if (keys == misconfigured) {
            keys = null;
            lastFailure = failure;
            retryAtMillis =
                    wallClockMillis.getAsLong() + settings.minRefetchInterval().toMillis();
        }
    }
}
