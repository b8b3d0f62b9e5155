package org.assessmentsapi.adapter.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies {@code Authorization: Bearer} JWTs of one OpenID issuer: an RS256 or ES256 signature by a key
 * of the issuer's JWKS, {@code iss} equal to the issuer, {@code aud} containing the audience,
 * {@code exp} (and {@code nbf} if present) within a minute of clock skew, and a {@code sub}.
 * {@code alg: none} and HMAC tokens are refused by the key selector: only the asymmetric algorithms
 * are accepted, so a public key can never be misused as an HMAC secret.
 *
 * <p>Verified tokens are remembered (at most {@link #MAX_REMEMBERED} of them, each for at most
 * {@link #REMEMBER_FOR}, the JWKS cache time): a client sends the same token with every request during its
 * lifetime, and the RS256 signature check costs ~0.3 ms per request on Lambda's C1-only JIT, more than the
 * rest of the handler (docs/benchmarks.md). A remembered token is matched on its exact text; its
 * {@code exp} and {@code nbf} are checked again on every request, with the same skew; and the issuer's keys
 * for its header must still include one it had when verified, in the key set as cached now (an in-memory
 * lookup): once a refresh removes or replaces that key, the token is verified again, and refused. Rejections
 * are never remembered.
 */
public final class JwtAuthenticator {

    static final int MAX_CLOCK_SKEW_SECONDS = 60;
    private static final String BEARER = "bearer ";

    static final int MAX_REMEMBERED = 512;
    static final Duration REMEMBER_FOR = JwksSettings.PRODUCTION.cacheTtl();

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final JWKSource<SecurityContext> keys;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** A token whose signature and claims were verified at {@code verifiedAt}, with the issuer keys of its header then. */
    private record Verified(
            String subject,
            Instant expiresAt,
            Instant notBefore,
            Instant verifiedAt,
            JWKSelector selector,
            List<JWK> keys) {}

    public JwtAuthenticator(String issuer, String audience, JWKSource<SecurityContext> keys) {
        this(issuer, audience, keys, Clock.systemUTC());
    }

    /** With a clock, for tests of expiry (used by nimbus's claims checks and by the remembered tokens alike). */
    JwtAuthenticator(String issuer, String audience, JWKSource<SecurityContext> keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
        // Auth0 access tokens are typed "at+jwt" in some tenants; ID-token-style "JWT" or no type is also fine.
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
                JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null));
        var claims =
                new DefaultJWTClaimsVerifier<SecurityContext>(
                        Set.of(audience),
                        new JWTClaimsSet.Builder().issuer(issuer).build(),
                        Set.of("sub", "exp"),
                        null) {
                    @Override
                    protected java.util.Date currentTime() {
                        return java.util.Date.from(
                                clock.instant()); // one clock for nimbus's checks and remembered tokens
                    }
                };
        claims.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** Checks the value of the {@code Authorization} header ({@code null} when absent). */
    public AuthResult authenticate(String authorizationHeader) {
        if (authorizationHeader == null
                || authorizationHeader.length() <= BEARER.length()
                || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return new AuthResult.Rejected("missing bearer token");
        }
        String token = authorizationHeader.substring(BEARER.length());
        // A remembered token passed the shape checks below when it was verified: skip them for it.
        Verified known = verified.get(token);
        if (known == null) {
            token = TokenShape.withoutOptionalWhitespace(token);
            if (!TokenShape.isCompactJws(token)) {
                return new AuthResult.Rejected("malformed token: not three base64url parts");
            }
            known = verified.get(token);
        }
        Instant now = clock.instant();
        if (known != null) {
            if (now.isBefore(known.verifiedAt().plus(REMEMBER_FOR))
                    && now.isBefore(known.expiresAt().plusSeconds(MAX_CLOCK_SKEW_SECONDS))
                    && (known.notBefore() == null
                            || !now.isBefore(known.notBefore().minusSeconds(MAX_CLOCK_SKEW_SECONDS)))
                    && stillPublished(known)) {
                return new AuthResult.Authenticated(known.subject());
            }
            verified.remove(token); // stale: verify it again from scratch (an expired token is then rejected)
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = processor.process(jwt, null);
            String subject = claims.getSubject();
            if (subject == null || subject.isBlank()) {
                return new AuthResult.Rejected("token has no subject");
            }
            remember(token, subject, claims, now, jwt.getHeader());
            return new AuthResult.Authenticated(subject);
        } catch (RateLimitReachedException e) {
            // An unknown kid right after a refresh: the key is not the issuer's (or not yet published).
            return new AuthResult.Rejected("unknown signing key (JWKS refresh rate-limited)");
        } catch (KeySourceException e) {
            return new AuthResult.IssuerUnavailable(e.getMessage());
        } catch (ParseException e) {
            return new AuthResult.Rejected("malformed token: " + e.getMessage());
        } catch (Exception e) {
            // BadJOSEException, JOSEException and anything a hostile token could provoke in the parser.
            return new AuthResult.Rejected(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** {@code header}: the header of the token whose signature was just verified with one of the issuer's keys for it. */
    private void remember(String token, String subject, JWTClaimsSet claims, Instant now, JWSHeader header) {
        if (claims.getExpirationTime() == null) {
            return; // exp is required by the claims verifier; never remember a token without it
        }
        JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
        if (matcher == null) {
            return;
        }
        JWKSelector selector = new JWKSelector(matcher);
        List<JWK> issuerKeys;
        try {
            issuerKeys = keys.get(selector, null); // the keys just used, from the source's cache
        } catch (KeySourceException | RuntimeException e) {
            return;
        }
        if (issuerKeys.isEmpty()) {
            return;
        }
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear(); // bounded memory whatever the traffic; the next requests verify again
        }
        verified.put(
                token,
                new Verified(
                        subject,
                        claims.getExpirationTime().toInstant(),
                        claims.getNotBeforeTime() == null
                                ? null
                                : claims.getNotBeforeTime().toInstant(),
                        now,
                        selector,
                        List.copyOf(issuerKeys)));
    }

    /**
     * The keys for the token's header in the issuer's key set as cached now (a refresh that removed or replaced
     * the key ends the remembering at once: the token is then verified again, and refused).
     */
    private boolean stillPublished(Verified known) {
        try {
            return !Collections.disjoint(keys.get(known.selector(), null), known.keys());
        } catch (KeySourceException | RuntimeException e) {
            return false;
        }
    }

    /** How many verified tokens are remembered now (tests). */
    int rememberedTokens() {
        return verified.size();
    }
}
