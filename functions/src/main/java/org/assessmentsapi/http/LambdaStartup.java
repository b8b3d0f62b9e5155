package org.assessmentsapi.http;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.Map;
import org.assessmentsapi.Application;
import org.assessmentsapi.auth.JwksSources;
import org.assessmentsapi.auth.JwtAuthenticator;
import org.assessmentsapi.config.AppConfig;
import org.assessmentsapi.config.DynamoDbClients;
import org.assessmentsapi.config.JwtConfig;
import org.assessmentsapi.logging.Log;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Lambda runtime's wiring (what {@code Application.fromEnvironment()} does, in two threads): while this thread
 * builds the DynamoDB client (most of the start-up), another fetches the issuer's JWKS into the key source's
 * cache, loads the token parsing and JSON classes, and runs the PUT route once against an in-process stub of
 * DynamoDB (no network, no data), so that the first request finds everything ready.
 * Nothing is left to be initialized lazily on the request path; a failure of the warm-up only leaves that
 * work to the first request (which then fetches the keys itself, or answers 503).
 */
final class LambdaStartup {

    /** The warm-up is waited for at most this long (the JWKS fetch has its own, shorter, timeouts). */
    static final long WARM_UP_WAIT_MILLIS = 5_000;
    /** An unsigned token ({@code alg: none}): parsed, then refused before any key is looked up. */
    private static final String UNSIGNED_TOKEN = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ3YXJtLXVwIn0.";

    private LambdaStartup() {
    }

    static Application application() {
        Map<String, String> env = System.getenv();
        AppConfig config = AppConfig.fromEnvironment(env);
        JwtConfig jwt = config.jwt().orElseThrow();
        JWKSource<SecurityContext> keys = JwksSources.remote(jwt.jwksUrl());
        Thread warmUp = new Thread(() -> warmUp(config, env, jwt, keys), "startup-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        try {
            DynamoDbClient dynamoDb = DynamoDbClients.create(config, env);
            return Application.create(config, dynamoDb, keys, Clock.systemUTC());
        } finally {
            try {
                warmUp.join(WARM_UP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The PUT route once, from the parsed body to the response, over a DynamoDB client whose HTTP client is an
     * in-process stub ({@link StartupStubHttpClient}): the SDK's request and response path and our mapping
     * are loaded here, in parallel with the real client's construction, instead of on the first request.
     * No network call, no data; the stub client is discarded.
     */
    private static void warmUpStorePath(AppConfig config, Map<String, String> env, JWKSource<SecurityContext> keys) {
        String id = SnapStartPriming.PRIMING_ID;
        try (DynamoDbClient stub = DynamoDbClients.create(config, env, new StartupStubHttpClient(id, "warm-up"))) {
            Application app = Application.create(config, stub, keys, Clock.systemUTC());
            HttpRequest put = new HttpRequest("PUT", Route.COLLECTION + "/" + id, Map.of("content-type", "application/json"),
                    "{\"name\":\"warm-up\",\"status\":\"ANALYZING\",\"progress\":40}", false, id, "startup-warm-up");
            new AssessmentRoutes(app).handle(Route.UPDATE, put, new org.assessmentsapi.domain.Caller.User("warm-up")).toApiGateway();
        }
    }

    private static void warmUp(AppConfig config, Map<String, String> env, JwtConfig jwt, JWKSource<SecurityContext> keys) {
        try {
            if (!JwksSources.prefetch(keys)) {
                Log.warn(null, "start-up: the issuer's JWKS could not be fetched; the first request will retry");
            }
            new JwtAuthenticator(jwt.issuer(), jwt.audience(), keys).authenticate("Bearer " + UNSIGNED_TOKEN);
            RequestBodies.readJson(new HttpRequest("PUT", "/", Map.of("content-type", "application/json"),
                    "{\"name\":\"warm-up\",\"progress\":1.5,\"version\":1,\"x\":[true,null]}", false, null, null));
            JsonWriter.problem(Problem.of(ProblemType.NOT_FOUND, "warm-up"));
            warmUpStorePath(config, env, keys);
        } catch (RuntimeException e) {
            Log.warn(null, "start-up warm-up skipped: " + e);
        }
    }
}
