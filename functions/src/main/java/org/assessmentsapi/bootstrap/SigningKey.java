package org.assessmentsapi.bootstrap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A key pair made for one start-up rehearsal of the API (warm-up or SnapStart priming), never published by the
 * issuer: its public half is the only key of the rehearsal's own verifier ({@link #publishedAlone()}), so the
 * real handler, whose keys come only from the issuer's JWKS, refuses every token it signs. The private half signs
 * the rehearsal's token and is dropped with the object.
 */
public final class SigningKey {

    private final JWK key;
    private final JWSAlgorithm algorithm;

    private SigningKey(JWK key, JWSAlgorithm algorithm) {
        this.key = key;
        this.algorithm = algorithm;
    }

    /** RS256, the issuer's usual algorithm: what SnapStart priming verifies, so that RSA is in the snapshot. */
    public static SigningKey rsa() throws JOSEException {
        return new SigningKey(
                new RSAKeyGenerator(2048)
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.RS256)
                        .keyID("rehearsal-" + UUID.randomUUID())
                        .generate(),
                JWSAlgorithm.RS256);
    }

    /** ES256: made in about a millisecond, for the warm-up of every start (an RSA key takes far longer). */
    public static SigningKey ec() throws JOSEException {
        return new SigningKey(
                new ECKeyGenerator(Curve.P_256)
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.ES256)
                        .keyID("rehearsal-" + UUID.randomUUID())
                        .generate(),
                JWSAlgorithm.ES256);
    }

    /** A key source that holds this key's public half and nothing else. */
    public JWKSource<SecurityContext> publishedAlone() {
        return new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()));
    }

    /**
     * A token of {@code jwt}'s issuer and audience for {@code subject}, valid for five minutes, typed {@code at+jwt}
     * and granting the configured scopes: what the real handler accepts in every mode.
     */
    public String token(JwtConfig jwt, String subject) throws JOSEException {
        Instant now = Instant.now();
        String scopes = String.join(
                " ",
                java.util.stream.Stream.of(jwt.scopes().read(), jwt.scopes().write())
                        .flatMap(java.util.Optional::stream)
                        .toList());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(jwt.issuer())
                .audience(List.of(jwt.audience()))
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("scope", scopes)
                .build();
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(algorithm)
                        .keyID(key.getKeyID())
                        .type(new JOSEObjectType("at+jwt"))
                        .build(),
                claims);
        JWSSigner signer = key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
        token.sign(signer);
        return token.serialize();
    }
}
