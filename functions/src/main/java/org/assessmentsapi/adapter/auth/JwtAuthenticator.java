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
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies {@code Authorization: Bearer} JWTs of one OpenID issuer ({@link TokenRules}): a signature by a key of the
 * issuer's JWKS in one of the {@link #ALGORITHMS} the key allows, {@code iss} equal to the issuer (exactly),
 * {@code aud} containing the audience, {@code exp} (and {@code nbf} if present) within a minute of clock skew, a
 * {@code sub}, a {@code typ} as the rules say, and the scope the operation needs ({@link GrantedScopes}).
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

    /**
     * The asymmetric JWS algorithms accepted, each only with a published key of its type (and curve) whose
     * {@code alg}, if the key states one, is the token's. EdDSA is not among them: nimbus 10.10 verifies Ed25519
     * through Google Tink, a dependency the function does not carry (README.md, "Identity providers").
     */
    public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);

    private static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");
    private static final JOSEObjectType ACCESS_TOKEN_MEDIA_TYPE = new JOSEObjectType("application/at+jwt");
    private static final String BEARER = "bearer ";

    static final int MAX_REMEMBERED = 512;
    static final Duration REMEMBER_FOR = JwksSettings.PRODUCTION.cacheTtl();

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final TokenRules rules;
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
            List<JWK> keys,
            Set<String> scopes) {}

    /** The default rules ({@link TokenRules#of}): loose {@code typ}, no scope check. */
    public JwtAuthenticator(String issuer, String audience, JWKSource<SecurityContext> keys) {
        this(TokenRules.of(issuer, audience), keys);
    }

    public JwtAuthenticator(TokenRules rules, JWKSource<SecurityContext> keys) {
        this(rules, keys, Clock.systemUTC());
    }

    /** With a clock, for tests of expiry (used by nimbus's claims checks and by the remembered tokens alike). */
    JwtAuthenticator(String issuer, String audience, JWKSource<SecurityContext> keys, Clock clock) {
        this(TokenRules.of(issuer, audience), keys, clock);
    }

    JwtAuthenticator(TokenRules rules, JWKSource<SecurityContext> keys, Clock clock) {
        this.rules = rules;
        this.keys = keys;
        this.clock = clock;
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        // RFC 9068 types access tokens "at+jwt"; loosely, Auth0's "JWT" (ID-token style) or no type is also fine.
        processor.setJWSTypeVerifier(
                rules.strictType()
                        ? new DefaultJOSEObjectTypeVerifier<>(ACCESS_TOKEN, ACCESS_TOKEN_MEDIA_TYPE)
                        : new DefaultJOSEObjectTypeVerifier<>(
                                JOSEObjectType.JWT, ACCESS_TOKEN, ACCESS_TOKEN_MEDIA_TYPE, null));
        var claims =
                new DefaultJWTClaimsVerifier<SecurityContext>(
                        Set.of(rules.audience()),
                        new JWTClaimsSet.Builder().issuer(rules.issuer()).build(),
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

    /**
     * Checks the value of the {@code Authorization} header ({@code null} when absent) for an operation of
     * {@code access}: a valid token that lacks the scope the rules require for it is {@link
     * AuthResult.InsufficientScope}.
     */
    public AuthResult authenticate(String authorizationHeader, Access access) {
        AuthResult result = authenticate(authorizationHeader);
        if (result instanceof AuthResult.Authenticated accepted) {
            Optional<String> needed = rules.scopes().forAccess(access);
            if (needed.isPresent() && !accepted.scopes().contains(needed.get())) {
                return new AuthResult.InsufficientScope(needed.get());
            }
        }
        return result;
    }

    /** The token's validity alone, whatever scopes it grants (the start-up warm-up, tests). */
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
                return new AuthResult.Authenticated(known.subject(), known.scopes());
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
            Set<String> scopes = GrantedScopes.of(claims);
            remember(token, subject, claims, scopes, now, jwt.getHeader());
            return new AuthResult.Authenticated(subject, scopes);
        } catch (RateLimitReachedException e) {
            // An unknown kid right after a refresh: the key is not the issuer's (or not yet published).
            return new AuthResult.Rejected("unknown signing key (JWKS refresh rate-limited)");
        } catch (KeysMisconfiguredException e) {
            return new AuthResult.IssuerMisconfigured(e.getMessage());
        } catch (KeySourceException e) {
            return new AuthResult.IssuerUnavailable(e.getMessage());
        } catch (ParseException e) {
            return new AuthResult.Rejected("malformed token: " + e.getMessage());
        } catch (BadJWTException e) {
            return new AuthResult.Rejected(claimsRejection(token, e));
        } catch (Exception e) {
            // BadJOSEException, JOSEException and anything a hostile token could provoke in the parser.
            return new AuthResult.Rejected(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * Why the claims were refused, for the log: an {@code iss} other than {@code JWT_ISSUER} is spelled out with both
     * values (the usual mistake is a trailing slash); the rest as nimbus words it (the signature was verified first).
     */
    private String claimsRejection(String token, BadJWTException e) {
        try {
            String tokenIssuer = SignedJWT.parse(token).getJWTClaimsSet().getIssuer();
            if (!rules.issuer().equals(tokenIssuer)) {
                return "the token's iss is " + (tokenIssuer == null ? "absent" : "'" + tokenIssuer + "'")
                        + " but JWT_ISSUER is '" + rules.issuer()
                        + "' (they must be equal exactly, trailing slash included)";
            }
        } catch (ParseException unreadable) {
            // reported as nimbus words it
        }
        return "BadJWTException: " + e.getMessage();
    }

    /** {@code header}: the header of the token whose signature was just verified with one of the issuer's keys for it. */
    private void remember(
            String token, String subject, JWTClaimsSet claims, Set<String> scopes, Instant now, JWSHeader header) {
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
                        List.copyOf(issuerKeys),
                        scopes));
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
