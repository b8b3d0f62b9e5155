package org.assessmentsapi.adapter.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assessmentsapi.bootstrap.Application;
import org.assessmentsapi.adapter.auth.JwksSources;
import org.assessmentsapi.adapter.auth.JwtAuthenticator;
import org.assessmentsapi.bootstrap.JwtConfig;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.bootstrap.PrimingResource;

/**
 * SnapStart priming: before the snapshot is taken, runs the whole request path once so that the classes
 * and JIT state of a PUT are in the snapshot, and the first real request after a restore loads almost
 * nothing (measured by the bench module: see docs/benchmarks.md).
 *
 * <p>What it runs: a PUT event built in-process, through a handler that shares everything with the real
 * one (routes, validator, update command, repository, DynamoDB client, response writer) except its token
 * verifier. That verifier is a separate {@link JwtAuthenticator} with the real issuer and audience whose
 * only key is an RSA key generated here, for this priming, and published in a priming-only in-memory key
 * source. Then a GET of the same id, and the mapping and JSON writing of a success on an in-memory item.
 *
 * <p>Why it is safe:
 * <ul>
 *   <li>No data is written. The UpdateItem targets {@link PrimingResource#PRIMING_ID}, an id that no assessment has
 *   (created ids are random version-4 UUIDs, this one is a nil-based constant that {@code CreateAssessment}
 *   never produces), and its condition also requires {@code userId = }{@link #PRIMING_SUBJECT} and
 *   {@code version = }{@link PrimingResource#IMPOSSIBLE_VERSION}: even an item with that id could not match. The condition
 *   fails, DynamoDB writes nothing (it still counts one write request unit), and the handler answers 404
 *   after a consistent GetItem, which reads nothing.</li>
 *   <li>The priming key is never accepted for real requests: the real authenticator's keys come only from
 *   the issuer's JWKS; the priming key is in no key source of the real handler. Its private key is dropped
 *   when priming ends.</li>
 *   <li>Nothing is cached from priming: the update command and repository keep no state, and the priming
 *   handler and authenticator are discarded.</li>
 *   <li>A failure never breaks the snapshot: priming catches everything and logs it ({@link PrimingResource}).</li>
 * </ul>
 */
public final class SnapStartPriming extends PrimingResource {

    public static final String PRIMING_SUBJECT = "snapstart-priming";

    private final Application app;

    SnapStartPriming(Application app) {
        super("API function");
        this.app = app;
    }

    /** Runs the request path once on the priming id; returns the statuses seen (e.g. "PUT 404, GET 404"). */
    @Override
    protected String run() throws JOSEException, NoSuchAlgorithmException {
        RSAKey key = primingKey();
        ApiHandler handler = new ApiHandler(primingApplication(key.toPublicJWK()));
        JwtConfig jwt = app.config().jwt().orElseThrow();
        String token = sign(key, jwt.issuer(), jwt.audience());
        APIGatewayV2HTTPResponse put = handler.handleRequest(event("PUT", token,
                "{\"name\":\"priming\",\"companyName\":\"priming\",\"companyType\":\"priming\",\"status\":\"ANALYZING\","
                        + "\"progress\":40,\"version\":" + IMPOSSIBLE_VERSION + "}"), null);
        APIGatewayV2HTTPResponse get = handler.handleRequest(event("GET", token, null), null);
        // The success path's mapping and JSON, on an in-memory item (no store call).
        Assessment sample = mappedSample(PRIMING_SUBJECT);
        HttpResponse.json(200, "application/json", JsonWriter.assessment(sample), Map.of("ETag", "\"1\"")).toApiGateway();
        return "PUT " + put.getStatusCode() + ", GET " + get.getStatusCode();
    }

    /** The real wiring with one difference: a verifier that knows only the priming key. */
    Application primingApplication(RSAKey primingPublicKey) {
        JwtConfig jwt = app.config().jwt().orElseThrow();
        JwtAuthenticator primingOnly = new JwtAuthenticator(jwt.issuer(), jwt.audience(),
                JwksSources.primingOnly(new JWKSet(primingPublicKey)));
        return new Application(app.config(), app.dynamoDb(), Optional.of(primingOnly), app.validator(),
                app.updateAssessment(), app.getAssessment(), app.createAssessment(), app.listAssessments(),
                app.deleteAssessment());
    }

    static RSAKey primingKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyID("snapstart-priming-" + UUID.randomUUID())
                .build();
    }

    static String sign(RSAKey key, String issuer, String audience) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(PRIMING_SUBJECT)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** An API Gateway v2 event as the runtime would deliver it, for the priming id. */
    static APIGatewayV2HTTPEvent event(String method, String token, String body) {
        String path = Route.COLLECTION + "/" + PRIMING_ID;
        Map<String, String> headers = new java.util.HashMap<>();
        headers.put("authorization", "Bearer " + token);
        headers.put("accept", "application/json");
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + Route.COLLECTION + "/{id}")
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(headers)
                .withPathParameters(Map.of("id", PRIMING_ID))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("snapstart-priming")
                        .withRouteKey(method + " " + Route.COLLECTION + "/{id}")
                        .withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(path)
                                .withProtocol("HTTP/1.1")
                                .build())
                        .build())
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
