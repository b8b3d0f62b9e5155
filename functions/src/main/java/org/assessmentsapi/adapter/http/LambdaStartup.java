package org.assessmentsapi.adapter.http;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.Map;
import org.assessmentsapi.bootstrap.Application;
import org.assessmentsapi.adapter.auth.JwksSources;
import org.assessmentsapi.adapter.auth.JwtAuthenticator;
import org.assessmentsapi.bootstrap.AppConfig;
import org.assessmentsapi.bootstrap.DynamoDbClients;
import org.assessmentsapi.bootstrap.JwtConfig;
import org.assessmentsapi.adapter.lambda.MalformedEventException;
import org.assessmentsapi.adapter.logging.Log;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Lambda runtime's wiring (what {@code Application.fromEnvironment(env)} does, in three threads): while this
 * thread builds the DynamoDB client (most of the start-up), one helper fetches the issuer's JWKS into the key
 * source's cache and loads the token parser, and another runs the PUT route once against an in-process canned responder of
 * DynamoDB (no network, no data), from the event JSON it reads to the response JSON it writes, so that the first
 * request finds everything ready.
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
        // Two helpers: the keys (mostly waiting on the network) and the request path (class loading).
        Thread tokens = start("startup-keys", () -> warmUpTokens(jwt, keys));
        Thread store = start("startup-store", () -> warmUpStorePath(config, env, keys));
        try {
            DynamoDbClient dynamoDb = DynamoDbClients.create(config, env);
            return Application.create(config, dynamoDb, keys, Clock.systemUTC());
        } finally {
            join(tokens);
            join(store);
        }
    }

    private static Thread start(String name, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                Log.warn(null, "start-up warm-up skipped (" + name + "): " + e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread thread) {
        try {
            thread.join(WARM_UP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The issuer's keys into the cache, and the token parser's classes (an unsigned token, refused before any key lookup). */
    private static void warmUpTokens(JwtConfig jwt, JWKSource<SecurityContext> keys) {
        if (!JwksSources.prefetch(keys)) {
            Log.warn(null, "start-up: the issuer's JWKS could not be fetched; the first request will retry");
        }
        new JwtAuthenticator(jwt.issuer(), jwt.audience(), keys).authenticate("Bearer " + UNSIGNED_TOKEN);
    }

    /**
     * The PUT route once, from the event JSON to the response JSON, over a DynamoDB client whose HTTP client is an
     * in-process canned responder ({@link WarmUpHttpClient}): the SDK's request and response path and our mapping
     * are loaded here, in parallel with the real client's construction, instead of on the first request.
     * No network call, no data; the warm-up client is discarded.
     */
    private static void warmUpStorePath(AppConfig config, Map<String, String> env, JWKSource<SecurityContext> keys) {
        String id = SnapStartPriming.PRIMING_ID;
        try (DynamoDbClient warmUp = DynamoDbClients.create(config, env, new WarmUpHttpClient(id, "warm-up"))) {
            Application app = Application.create(config, warmUp, keys, Clock.systemUTC());
            HttpRequest put = HttpRequest.read(new ByteArrayInputStream(SnapStartPriming.event("PUT", "warm-up",
                    "{\"name\":\"warm-up\",\"status\":\"ANALYZING\",\"progress\":40}")));
            new AssessmentRoutes(app).handle(Route.UPDATE, put, new org.assessmentsapi.domain.Caller.User("warm-up")).toJson();
            JsonWriter.problem(Problem.of(ProblemType.NOT_FOUND, "warm-up"));
        } catch (MalformedEventException e) {
            throw new IllegalStateException("the built-in warm-up event is malformed: " + e.getMessage(), e);
        }
    }

}
