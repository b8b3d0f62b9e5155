package org.assessmentsapi.adapter.http;

import static org.assessmentsapi.support.Responses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assessmentsapi.adapter.auth.JwtAuthenticator;
import org.assessmentsapi.contract.ContractCheckedHandler;
import org.assessmentsapi.devkit.DevIssuer;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.LogCapture;
import org.assessmentsapi.support.Responses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API with a provider found through discovery (no JWKS_URL), as an integrator meets it: every asymmetric
 * algorithm its keys allow, the strict RFC 9068 type, the exact issuer, and a misconfigured provider. Real signed
 * tokens, a real JWKS and discovery document over HTTP (a development issuer per test), on the shared table.
 */
class IdentityProviderTest extends ApiTestSupport {

    private final DevIssuer provider = DevIssuer.start();
    private final String owner = "client-" + UUID.randomUUID();

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"})
    void aTokenOfEachAsymmetricAlgorithmOfAPublishedKeyIsAccepted(String name) {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
        String token = provider.token(owner, algorithm);
        ContractCheckedHandler handler = handler(Map.of());
        APIGatewayV2HTTPResponse created = handler.handleRequest(ApiEvents.post(token, CREATE_BODY), null);
        assertEquals(201, created.getStatusCode(), created.getBody());
        String id = Responses.json(created).get("id").asText();
        assertEquals(
                200, handler.handleRequest(ApiEvents.get(id, token), null).getStatusCode(), name + " on a GET too");
        assertTrue(JwtAuthenticator.ALGORITHMS.contains(algorithm));
    }

    @Test
    void anRsaKeyWithoutAlgServesEveryRsaAlgorithmButAKeyStatingOneServesOnlyIt() throws Exception {
        RSAKey unstated = new RSAKeyGenerator(2048)
                .keyUse(KeyUse.SIGNATURE)
                .keyID("rsa-" + UUID.randomUUID())
                .generate();
        RSAKey rs256Only = new RSAKeyGenerator(2048)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyID("rs256-" + UUID.randomUUID())
                .generate();
        provider.publish(new JWKSet(List.of(unstated.toPublicJWK(), rs256Only.toPublicJWK())));
        ContractCheckedHandler handler = handler(Map.of());
        var claims = provider.claims(owner, Duration.ofHours(1)).build();
        assertEquals(201, post(handler, DevIssuer.sign(claims, unstated, JWSAlgorithm.PS256, JOSEObjectType.JWT)));
        assertEquals(201, post(handler, DevIssuer.sign(claims, unstated, JWSAlgorithm.RS512, JOSEObjectType.JWT)));
        assertEquals(401, post(handler, DevIssuer.sign(claims, rs256Only, JWSAlgorithm.PS256, JOSEObjectType.JWT)));
    }

    @Test
    void anEdDsaTokenOfAPublishedEd25519KeyIsRefusedNotAnError() throws Exception {
        // Signed with the JDK's own Ed25519 (nimbus signs and verifies it only through Google Tink, not a dependency).
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] x = tail(pair.getPublic().getEncoded());
        OctetKeyPair published = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.EdDSA)
                .keyID("ed25519-" + UUID.randomUUID())
                .build();
        provider.publish(new JWKSet(List.of(provider.signingKey().toPublicJWK(), published)));
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .keyID(published.getKeyID())
                .build();
        Base64URL payload =
                provider.claims(owner, Duration.ofHours(1)).build().toPayload().toBase64URL();
        String signingInput = header.toBase64URL() + "." + payload;
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(pair.getPrivate());
        ed25519.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        String token = signingInput + "." + Base64URL.encode(ed25519.sign());
        assertEquals(401, post(handler(Map.of()), token));
        assertFalse(JwtAuthenticator.ALGORITHMS.contains(JWSAlgorithm.EdDSA));
    }

    /** The raw 32-byte key at the end of an X.509-encoded Ed25519 public key. */
    private static byte[] tail(byte[] encoded) {
        return java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    @Test
    void theStrictTypeAcceptsOnlyAccessTokens() {
        ContractCheckedHandler strict = handler(Map.of("JWT_STRICT_TYPE", "true"));
        ContractCheckedHandler loose = handler(Map.of());
        var claims = provider.claims(owner, Duration.ofHours(1)).build();
        var key = provider.signingKey();
        for (String type : new String[] {"at+jwt", "application/at+jwt", "AT+JWT"}) {
            String token = DevIssuer.sign(claims, key, JWSAlgorithm.RS256, new JOSEObjectType(type));
            assertEquals(201, post(strict, token), type);
            assertEquals(201, post(loose, token), type);
        }
        for (JOSEObjectType type : new JOSEObjectType[] {JOSEObjectType.JWT, null, new JOSEObjectType("id+jwt")}) {
            String token = DevIssuer.sign(claims, key, JWSAlgorithm.RS256, type);
            assertEquals(401, post(strict, token), "strict, typ " + type);
            assertEquals(type == null || type.equals(JOSEObjectType.JWT) ? 201 : 401, post(loose, token));
        }
    }

    @Test
    void anIssuerThatDiffersByItsTrailingSlashIsLoggedWithBothValues() {
        String withoutSlash = provider.issuer().substring(0, provider.issuer().length() - 1);
        ContractCheckedHandler handler =
                handler(Map.of("JWKS_URL", provider.jwksUrl().toString()));
        String token = provider.sign(
                provider.claims(owner, Duration.ofHours(1)).issuer(withoutSlash).build());
        assertEquals(401, post(handler, token));
        String expected = "the token's iss is '" + withoutSlash + "' but JWT_ISSUER is '" + provider.issuer()
                + "' (they must be equal exactly, trailing slash included)";
        assertTrue(LogCapture.lines().stream().anyMatch(line -> line.contains(expected)), LogCapture.lines()::toString);
    }

    @Test
    void aMisconfiguredProviderAnswersItsOwnProblemWithoutRetryAfterAndWritesNothing() {
        provider.answer(DevIssuer.DISCOVERY_PATH, 404, "");
        ContractCheckedHandler handler = handler(Map.of());
        for (int i = 0; i < 3; i++) {
            APIGatewayV2HTTPResponse response =
                    handler.handleRequest(ApiEvents.post(provider.token(owner), CREATE_BODY), null);
            var problem = assertProblem(response, 503);
            assertEquals(
                    "urn:assessments-api:problem:auth-misconfigured",
                    problem.get("type").asText());
            assertNull(response.getHeaders().get("Retry-After"), "retrying cannot help");
            assertFalse(response.getBody().contains(provider.issuer()), "no configuration detail to the client");
        }
        assertTrue(
                LogCapture.lines().stream()
                        .anyMatch(line -> line.contains("\"level\":\"ERROR\"")
                                && line.contains("token verification is misconfigured")
                                && line.contains("answers HTTP 404")),
                LogCapture.lines()::toString);
        assertEquals(0, listed(owner), "nothing was written");
    }

    @Test
    void anOutageOfTheProviderStaysRetryable() {
        provider.failWith(503);
        APIGatewayV2HTTPResponse response =
                handler(Map.of()).handleRequest(ApiEvents.post(provider.token(owner), CREATE_BODY), null);
        var problem = assertProblem(response, 503);
        assertEquals(
                "urn:assessments-api:problem:service-unavailable",
                problem.get("type").asText());
        assertEquals("1", response.getHeaders().get("Retry-After"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** A handler on the shared table that trusts this test's provider (found by discovery), with its own key cache. */
    private ContractCheckedHandler handler(Map<String, String> more) {
        return env.handlerTrusting(provider.issuer(), provider.audience(), more);
    }

    private static int post(ContractCheckedHandler handler, String token) {
        return handler.handleRequest(ApiEvents.post(token, CREATE_BODY), null).getStatusCode();
    }

    /** How many assessments {@code subject} owns, through the API with a token of the shared issuer. */
    private int listed(String subject) {
        APIGatewayV2HTTPResponse list = send(ApiEvents.list(api.issuer().token(subject), "limit=100"));
        assertEquals(200, list.getStatusCode(), list.getBody());
        return Responses.json(list).get("items").size();
    }
}
