package org.assessmentsapi.bootstrap;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.assessmentsapi.adapter.auth.JwksSettings;
import org.assessmentsapi.adapter.auth.JwksSources;
import org.assessmentsapi.adapter.auth.JwtAuthenticator;
import org.assessmentsapi.adapter.auth.KeysStatus;
import org.assessmentsapi.adapter.http.ApiHandler;
import org.assessmentsapi.adapter.logging.Log;
import org.assessmentsapi.adapter.logging.Telemetry;
import org.assessmentsapi.application.AssessmentRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The API function's start-up, what {@code new ApiHandler()} runs on Lambda: the configuration from the
 * environment (JWT settings included, checked now), the handler from {@link Wiring}, its SnapStart priming
 * registered ({@link ApiPriming}), and a warm-up in two helper threads while this one builds the DynamoDB
 * client (most of the start-up): one fetches the issuer's JWKS into the key source's cache and loads the token
 * parser, the other runs a PUT, a GET, a POST, a list and a DELETE through a handler over the canned DynamoDB ({@link CannedDynamoDb}: no
 * network, no data), from the event JSON to the response JSON, so that the first request finds everything
 * loaded. A failure of the warm-up only leaves that work to the first request (which then fetches the keys
 * itself, or answers 503).
 */
public final class ApiFunction {

    /** The warm-up is waited for at most this long (the JWKS fetch has its own, shorter, timeouts). */
    static final long WARM_UP_WAIT_MILLIS = 5_000;
    /** An unsigned token ({@code alg: none}): parsed, then refused before any key is looked up. */
    private static final String UNSIGNED_TOKEN = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ3YXJtLXVwIn0.";

    private static final String WARM_UP_SUBJECT = "warm-up";

    private ApiFunction() {}

    /** The API's handler for this environment (the Lambda's variables, or the local runner's). */
    public static ApiHandler fromEnvironment(Map<String, String> env) {
        AppConfig config = AppConfig.fromEnvironment(env);
        JwtConfig jwt = config.jwt().orElseThrow();
        JWKSource<SecurityContext> keys = Wiring.issuerKeys(config, JwksSettings.PRODUCTION);
        AtomicReference<KeysStatus> keysStatus = new AtomicReference<>();
        // Two helpers: the keys (mostly waiting on the network) and the request path (class loading).
        Thread tokens = start("startup-keys", () -> warmUpTokens(jwt, keys, keysStatus));
        Thread requests = start("startup-requests", () -> rehearseOnCannedStore(config, env));
        try {
            DynamoDbClient dynamoDb = DynamoDbClients.create(config, env);
            AssessmentRepository repository = Wiring.repository(config, dynamoDb);
            Telemetry telemetry = Telemetry.of(config.metricsNamespace());
            PrimingResource.register(priming(config, env, repository), telemetry.coldStart());
            return Wiring.api(config, repository, keys, Clock.systemUTC(), telemetry);
        } finally {
            join(tokens);
            join(requests);
            report(jwt, keysStatus.get());
        }
    }

    /**
     * Logs what fetching the keys at start-up found, outside the warm-up (whose lines are held back). Discovery and
     * the first fetch run here, at init, so that a wrong setting is named at once, in the init's log; they never
     * fail the init: a transient outage must not kill the environment (requests fetch again, at most once per 30 s,
     * and answer 503 with Retry-After meanwhile), and a configuration error answers every request with a 503
     * {@code auth-misconfigured} and this ERROR line until it is fixed. Under SnapStart this runs before the snapshot:
     * what it found expires on the wall clock (keys after 15 minutes, a failure after 30 s), so a restored snapshot
     * fetches again rather than trusting it (docs/operations.md, "Identity provider").
     */
    private static void report(JwtConfig jwt, KeysStatus status) {
        switch (status) {
            case null ->
                Log.warn(null, "start-up: the issuer's keys were not fetched in time; the first request fetches them");
            case KeysStatus.Ready ready ->
                Log.info(null, "start-up: keys of issuer " + jwt.issuer() + " from " + ready.jwksUrl());
            case KeysStatus.Unavailable unavailable ->
                Log.warn(
                        null,
                        "start-up: the issuer's keys could not be fetched (" + unavailable.reason()
                                + "); requests retry and answer 503 with Retry-After meanwhile");
            case KeysStatus.Misconfigured misconfigured ->
                Log.error(
                        null,
                        "start-up: token verification is misconfigured: " + misconfigured.reason()
                                + "; every request answers 503 auth-misconfigured until this is fixed",
                        null);
        }
    }

    /** The SnapStart priming of the API handler on {@code repository}, the one built for this configuration. */
    public static ApiPriming priming(AppConfig config, Map<String, String> env, AssessmentRepository repository) {
        return new ApiPriming(
                config, repository, () -> rehearseOnCannedStore(config, env) + "; " + roundsOnCannedStore(config, env));
    }

    /**
     * A PUT (200: the success path's mapping and JSON), a GET (404: a problem's JSON), a POST (201: the mapping to
     * an item), a list (200: a page's JSON) and a DELETE (204) through a handler over the
     * canned DynamoDB, with a token of a key made for it ({@link SigningKey#ec()}); the handler and its client are
     * discarded.
     */
    static String rehearseOnCannedStore(AppConfig config, Map<String, String> env) throws Exception {
        JwtConfig jwt = config.jwt().orElseThrow();
        String id = PrimingResource.PRIMING_ID;
        try (DynamoDbClient canned = DynamoDbClients.create(config, env, new CannedDynamoDb(id, WARM_UP_SUBJECT))) {
            SigningKey key = SigningKey.ec();
            ApiHandler handler = Wiring.api(config, canned, key.publishedAlone(), Clock.systemUTC());
            String token = key.token(jwt, WARM_UP_SUBJECT);
            int put = Rehearsal.api(
                    handler, "PUT", id, token, "{\"name\":\"warm-up\",\"status\":\"ANALYZING\",\"progress\":40}");
            int get = Rehearsal.api(handler, "GET", id, token, null);
            int post = Rehearsal.api(
                    handler,
                    "POST",
                    null,
                    token,
                    "{\"name\":\"warm-up\",\"companyName\":\"warm-up\",\"intakeMode\":\"MANUAL_ENTRY\"}");
            int list = Rehearsal.api(handler, "GET", null, "limit=1", Map.of(), token, null);
            int delete = Rehearsal.api(handler, "DELETE", id, token, null);
            return "PUT " + put + ", GET " + get + ", POST " + post + ", LIST " + list + ", DELETE " + delete
                    + " on the canned DynamoDB";
        }
    }

    /**
     * {@link PrimingResource#API_ROUNDS} full token checks in PUTs (200) through the stream entry point of handlers
     * over the canned DynamoDB (no network, no data), with an RS256 token of a key made for it, so that C2 code of the
     * whole path is in the snapshot. Each round builds a new handler, whose verifier checks the token in full, as a new token costs
     * (one signature made, instead of thousands); after every fourth, one more PUT on the same handler finds the
     * token remembered, so that the usual path of a client's reused token is compiled too.
     */
    static String roundsOnCannedStore(AppConfig config, Map<String, String> env) throws Exception {
        JwtConfig jwt = config.jwt().orElseThrow();
        String id = PrimingResource.PRIMING_ID;
        try (DynamoDbClient canned = DynamoDbClients.create(config, env, new CannedDynamoDb(id, WARM_UP_SUBJECT))) {
            SigningKey key = SigningKey.rsa();
            JWKSource<SecurityContext> keys = key.publishedAlone();
            AssessmentRepository repository = Wiring.repository(config, canned);
            byte[] put = Rehearsal.apiEvent(
                    "PUT",
                    id,
                    "",
                    Map.of(),
                    key.token(jwt, WARM_UP_SUBJECT),
                    "{\"name\":\"warm-up\",\"status\":\"ANALYZING\",\"progress\":40}");
            ApiHandler[] last = new ApiHandler[1];
            // Of every five calls, four on a new handler (the full check) and the fifth on the fourth's (remembered).
            int calls = Rehearsal.repeat(
                    PrimingResource.API_ROUNDS * 5 / 4,
                    call -> call % 5 == 4
                            ? last[0]
                            : (last[0] = Wiring.api(config, repository, keys, Clock.systemUTC())),
                    put);
            return calls + " PUTs on the canned DynamoDB";
        }
    }

    /** The issuer's keys into the cache, and the token parser's classes (an unsigned token, refused before any key lookup). */
    private static String warmUpTokens(
            JwtConfig jwt, JWKSource<SecurityContext> keys, AtomicReference<KeysStatus> status) {
        status.set(JwksSources.check(keys));
        new JwtAuthenticator(jwt.tokenRules(), keys).authenticate("Bearer " + UNSIGNED_TOKEN);
        return "keys";
    }

    /** A daemon helper of a function's start-up (the events function's too); a failure only logs a warning. */
    static Thread start(String name, StartupTask work) {
        Thread thread = new Thread(
                () -> {
                    try {
                        // Its requests are not traffic: their lines and metric documents are held back.
                        Log.collecting(() -> {
                            try {
                                return work.run();
                            } catch (RuntimeException e) {
                                throw e;
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
                    } catch (RuntimeException e) {
                        Log.warn(null, "start-up warm-up skipped (" + name + "): " + e);
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static void join(Thread thread) {
        try {
            thread.join(WARM_UP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
