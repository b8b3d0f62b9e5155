package org.assessmentsapi.adapter.http;

import static org.assessmentsapi.support.Responses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assessmentsapi.contract.ContractCheckedHandler;
import org.assessmentsapi.devkit.DevIssuer;
import org.assessmentsapi.support.ApiEvents;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Bearer tokens: what is accepted, and that every bad token gets 401 with nothing written. */
class AuthenticationTest extends ApiTestSupport {

    @Test
    void validTokenIsAccepted() {
        String id = createAssessment();
        assertEquals(200, put(id, "{\"progress\":1}").getStatusCode());
    }

    @Test
    void missingOrMalformedAuthorizationIsUnauthorized() {
        String id = createAssessment();
        assertUnauthorized(ApiEvents.withHeader(ApiEvents.put(id, null, "{\"progress\":1}"), "authorization", null));
        assertUnauthorized(ApiEvents.withHeader(
                ApiEvents.put(id, null, "{\"progress\":1}"), "authorization", "Basic dXNlcjpwYXNz"));
        assertUnauthorized(
                ApiEvents.withHeader(ApiEvents.put(id, null, "{\"progress\":1}"), "authorization", "Bearer "));
        assertUnauthorized(ApiEvents.put(id, "not.a.jwt", "{\"progress\":1}"));
        assertUnchanged(id);
    }

    @Test
    void expiredTokenIsRejected() {
        String id = createAssessment();
        var claims = env.issuer
                .claims(user, Duration.ofHours(1))
                .issueTime(new Date(System.currentTimeMillis() - 7_200_000))
                .notBeforeTime(new Date(System.currentTimeMillis() - 7_200_000))
                .expirationTime(new Date(System.currentTimeMillis() - 3_600_000))
                .build();
        assertUnauthorized(ApiEvents.put(id, env.issuer.sign(claims), "{\"progress\":1}"));
        assertUnchanged(id);
    }

    @Test
    void notYetValidTokenIsRejected() {
        String id = createAssessment();
        var claims = env.issuer
                .claims(user, Duration.ofHours(2))
                .notBeforeTime(new Date(System.currentTimeMillis() + 3_600_000))
                .build();
        assertUnauthorized(ApiEvents.put(id, env.issuer.sign(claims), "{\"progress\":1}"));
        assertUnchanged(id);
    }

    @Test
    void wrongIssuerOrAudienceIsRejected() {
        String id = createAssessment();
        var otherIssuer = env.issuer
                .claims(user, Duration.ofHours(1))
                .issuer("https://evil.example/")
                .build();
        var otherAudience = env.issuer
                .claims(user, Duration.ofHours(1))
                .audience(List.of("another-api"))
                .build();
        assertUnauthorized(ApiEvents.put(id, env.issuer.sign(otherIssuer), "{\"progress\":1}"));
        assertUnauthorized(ApiEvents.put(id, env.issuer.sign(otherAudience), "{\"progress\":1}"));
        assertUnchanged(id);
    }

    @Test
    void tokenWithoutSubjectIsRejected() {
        String id = createAssessment();
        var noSubject =
                env.issuer.claims(user, Duration.ofHours(1)).subject(null).build();
        assertUnauthorized(ApiEvents.put(id, env.issuer.sign(noSubject), "{\"progress\":1}"));
        assertUnchanged(id);
    }

    @Test
    void badSignatureIsRejected() {
        String id = createAssessment();
        String[] parts = token.split("\\.");
        String tamperedPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"sub\":\"" + user + "\",\"iss\":\"" + env.issuer.issuer() + "\",\"aud\":\""
                                + env.issuer.audience() + "\",\"exp\":" + (System.currentTimeMillis() / 1000 + 3600)
                                + ",\"admin\":true}")
                        .getBytes(StandardCharsets.UTF_8));
        assertUnauthorized(ApiEvents.put(id, parts[0] + "." + tamperedPayload + "." + parts[2], "{\"progress\":1}"));
        assertUnauthorized(ApiEvents.put(id, parts[0] + "." + parts[1] + ".", "{\"progress\":1}"));
        assertUnchanged(id);
    }

    @Test
    void tokenSignedByAForeignKeyWithAKnownKidIsRejected() {
        String id = createAssessment();
        var foreign = DevIssuer.newRsaKey();
        var impostor = new com.nimbusds.jose.jwk.RSAKey.Builder(foreign)
                .keyID(env.issuer.signingKey().getKeyID())
                .build();
        String forged =
                DevIssuer.sign(env.issuer.claims(user, Duration.ofHours(1)).build(), impostor);
        assertUnauthorized(ApiEvents.put(id, forged, "{\"progress\":1}"));
        assertUnchanged(id);
    }

    @Test
    void algNoneIsRejected() {
        String id = createAssessment();
        String unsigned =
                new PlainJWT(env.issuer.claims(user, Duration.ofHours(1)).build()).serialize();
        assertUnauthorized(ApiEvents.put(id, unsigned, "{\"progress\":1}"));
        assertUnchanged(id);
    }

    @Test
    void hs256SignedWithThePublicKeyIsRejected() throws Exception {
        String id = createAssessment();
        byte[] publicKey = env.issuer.signingKey().toRSAPublicKey().getEncoded();
        byte[] secret = publicKey.length >= 32 ? publicKey : java.util.Arrays.copyOf(publicKey, 32);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(env.issuer.signingKey().getKeyID())
                        .build(),
                env.issuer.claims(user, Duration.ofHours(1)).build());
        jwt.sign(new MACSigner(secret));
        assertUnauthorized(ApiEvents.put(id, jwt.serialize(), "{\"progress\":1}"));
        // The PEM text of the key as the secret, the other classic variant of this attack.
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(publicKey)
                + "\n-----END PUBLIC KEY-----\n";
        SignedJWT pemJwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                env.issuer.claims(user, Duration.ofHours(1)).build());
        pemJwt.sign(new MACSigner(pem.getBytes(StandardCharsets.US_ASCII)));
        assertUnauthorized(ApiEvents.put(id, pemJwt.serialize(), "{\"progress\":1}"));
        assertUnchanged(id);
    }

    @Test
    void es256TokenOfAPublishedKeyIsAccepted() throws Exception {
        ECKey ecKey = new ECKeyGenerator(Curve.P_256)
                .keyID("ec-" + System.nanoTime())
                .algorithm(JWSAlgorithm.ES256)
                .generate();
        env.issuer.publish(new JWKSet(List.of(env.issuer.signingKey().toPublicJWK(), ecKey.toPublicJWK())));
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(ecKey.getKeyID())
                            .build(),
                    env.issuer.claims(user, Duration.ofHours(1)).build());
            jwt.sign(new ECDSASigner(ecKey));
            String id = createAssessment();
            // A handler with its own key cache: the shared one may have refreshed moments ago (rate limit).
            ContractCheckedHandler freshKeys = env.handlerWith(env.config, env.dynamoDb);
            APIGatewayV2HTTPResponse response =
                    freshKeys.handleRequest(ApiEvents.put(id, jwt.serialize(), "{\"progress\":3}"), null);
            assertEquals(200, response.getStatusCode(), response.getBody());
        } finally {
            env.issuer.publish(new JWKSet(env.issuer.signingKey().toPublicJWK()));
        }
    }

    @Test
    void unknownKeyIdIsRejected() throws Exception {
        String id = createAssessment();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("no-such-key").build(),
                env.issuer.claims(user, Duration.ofHours(1)).build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(DevIssuer.newRsaKey()));
        assertUnauthorized(ApiEvents.put(id, jwt.serialize(), "{\"progress\":1}"));
        assertUnchanged(id);
    }

    @Test
    void aValidTokenWithControlCharactersAroundItIsRejected() {
        String id = createAssessment();
        for (String smuggled :
                new String[] {token + "\u0000", "\u0000" + token, token + "\r\nX-Injected: 1", token + "\u000b"}) {
            assertUnauthorized(ApiEvents.withHeader(
                    ApiEvents.put(id, null, "{\"progress\":1}"), "authorization", "Bearer " + smuggled));
        }
        assertUnchanged(id);
    }

    private void assertUnauthorized(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = send(event);
        assertProblem(response, 401);
        assertEquals("Bearer", response.getHeaders().get("WWW-Authenticate"));
    }

    private void assertUnchanged(String id) {
        Map<String, AttributeValue> item = rawItem(id);
        assertEquals("1", item.get("version").n());
        assertEquals("0", item.get("progress").n());
    }
}
