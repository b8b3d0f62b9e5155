package org.assessmentsapi.bootstrap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
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
 * An RSA key pair made for one SnapStart priming of the API ({@link ApiPriming}), never published by the issuer: its
 * public half is the only key of the priming's own verifier ({@link #publishedAlone()}), so the real handler, whose
 * keys come only from the issuer's JWKS, refuses every token it signs. The private half signs the priming's token
 * (of the priming's subject, which the safety conditions of its writes name) and is dropped with the object. The
 * warm-up of every start uses a fixed token instead ({@link RehearsalToken}): no key is made there.
 */
public final class SigningKey {

    private final RSAKey key;

    private SigningKey(RSAKey key) {
        this.key = key;
    }

    /** RS256, the issuer's usual algorithm: what SnapStart priming verifies, so that RSA is in the snapshot. */
    public static SigningKey rsa() throws JOSEException {
        return new SigningKey(new RSAKeyGenerator(2048)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyID("priming-" + UUID.randomUUID())
                .generate());
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
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(new JOSEObjectType("at+jwt"))
                        .build(),
                claims);
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }
}
