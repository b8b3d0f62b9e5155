package org.assessmentsapi.adapter.auth;

import java.time.Duration;

/**
 * How the issuer's JWKS is fetched and cached. {@link #PRODUCTION} is what the function uses; tests pass
 * shorter intervals so that rotation and rate limiting can be observed without waiting 30 s.
 *
 * @param cacheTtl           how long fetched keys are used before they are fetched again
 * @param refreshTimeout     how long a request waits for a refresh that another thread is doing
 * @param minRefetchInterval at most one fetch per interval, whatever the tokens' {@code kid}s
 * @param connectTimeout     connect timeout of one fetch
 * @param readTimeout        read timeout of one fetch
 * @param sizeLimitBytes     a larger JWKS document is refused
 */
public record JwksSettings(
        Duration cacheTtl,
        Duration refreshTimeout,
        Duration minRefetchInterval,
        Duration connectTimeout,
        Duration readTimeout,
        int sizeLimitBytes) {

    public static final JwksSettings PRODUCTION = new JwksSettings(
            Duration.ofMinutes(15),
            Duration.ofSeconds(3),
            Duration.ofSeconds(30),
            Duration.ofMillis(1_500),
            Duration.ofMillis(1_500),
            64 * 1024);

    public JwksSettings {
        if (minRefetchInterval.compareTo(cacheTtl) >= 0) {
            // nimbus requires it: a cache entry must outlive the rate-limit window
            throw new IllegalArgumentException("minRefetchInterval must be shorter than cacheTtl");
        }
    }

    /** The same settings with another rate-limit window (and a cache that outlives it). */
    public JwksSettings withMinRefetchInterval(Duration interval) {
        Duration ttl = cacheTtl.compareTo(interval) > 0 ? cacheTtl : interval.multipliedBy(2);
        return new JwksSettings(ttl, refreshTimeout, interval, connectTimeout, readTimeout, sizeLimitBytes);
    }
}
