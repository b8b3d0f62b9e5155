package org.assessmentsapi.adapter.http;

import com.fasterxml.jackson.core.JsonGenerator;
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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.assessmentsapi.adapter.lambda.EventJson;
import org.assessmentsapi.adapter.validation.StrictJson;

/**
 * SnapStart priming: before the snapshot is taken, runs the whole request path once so that the classes
 * and JIT state of a PUT are in the snapshot, and the first real request after a restore loads almost
 * nothing (measured by the bench module: see docs/benchmarks.md).
 *
 * <p>What it runs: the JSON of a PUT event built in-process, through the stream entry point (event reading and
 * response writing included) of a handler that shares everything with the real
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
    protected String run() throws JOSEException, NoSuchAlgorithmException, IOException {
        RSAKey key = primingKey();
        ApiHandler handler = new ApiHandler(primingApplication(key.toPublicJWK()));
        JwtConfig jwt = app.config().jwt().orElseThrow();
        String token = sign(key, jwt.issuer(), jwt.audience());
        int put = statusOf(handler, event("PUT", token,
                "{\"name\":\"priming\",\"companyName\":\"priming\",\"companyType\":\"priming\",\"status\":\"ANALYZING\","
                        + "\"progress\":40,\"version\":" + IMPOSSIBLE_VERSION + "}"));
        int get = statusOf(handler, event("GET", token, null));
        // The success path's mapping and JSON, on an in-memory item (no store call).
        Assessment sample = mappedSample(PRIMING_SUBJECT);
        HttpResponse.json(200, "application/json", JsonWriter.assessment(sample), Map.of("ETag", "\"1\"")).toJson();
        return "PUT " + put + ", GET " + get;
    }

    /** Invokes the handler as the Lambda runtime does (event JSON in, response JSON out); the answer's statusCode. */
    private static int statusOf(ApiHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream(1024);
        handler.handleRequest(new ByteArrayInputStream(event), response, null);
        return StrictJson.read(new ByteArrayInputStream(response.toByteArray())).get("statusCode").intValue();
    }

    /** The real wiring with one difference: a verifier that knows only the priming key. */
    Application primingApplication(RSAKey primingPublicKey) {
        JwtConfig jwt = app.config().jwt().orElseThrow();
        JwtAuthenticator primingOnly = new JwtAuthenticator(jwt.issuer(), jwt.audience(),
                JwksSources.primingOnly(new JWKSet(primingPublicKey)));
        return new Application(app.config(), app.dynamoDb(), Optional.of(primingOnly), app.validator(),
                app.updateAssessment(), app.getAssessment(), app.createAssessment());
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

    /** The JSON of an API Gateway v2 event (payload format 2.0) as the runtime would deliver it, for the priming id. */
    static byte[] event(String method, String token, String body) {
        String path = Route.COLLECTION + "/" + PRIMING_ID;
        String routeKey = method + " " + Route.COLLECTION + "/{id}";
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = EventJson.generator(out)) {
            json.writeStartObject();
            json.writeStringField("version", HttpRequest.PAYLOAD_VERSION);
            json.writeStringField("routeKey", routeKey);
            json.writeStringField("rawPath", path);
            json.writeStringField("rawQueryString", "");
            json.writeObjectFieldStart("headers");
            json.writeStringField("authorization", "Bearer " + token);
            json.writeStringField("accept", "application/json");
            if (body != null) {
                json.writeStringField("content-type", "application/json");
            }
            json.writeEndObject();
            json.writeObjectFieldStart("pathParameters");
            json.writeStringField("id", PRIMING_ID);
            json.writeEndObject();
            json.writeObjectFieldStart("requestContext");
            json.writeStringField("requestId", "snapstart-priming");
            json.writeStringField("routeKey", routeKey);
            json.writeStringField("stage", "$default");
            json.writeObjectFieldStart("http");
            json.writeStringField("method", method);
            json.writeStringField("path", path);
            json.writeStringField("protocol", "HTTP/1.1");
            json.writeEndObject();
            json.writeEndObject();
            if (body != null) {
                json.writeStringField("body", body);
            }
            json.writeBooleanField("isBase64Encoded", false);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }
}
