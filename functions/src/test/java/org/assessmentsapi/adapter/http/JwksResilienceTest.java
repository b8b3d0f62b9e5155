package org.assessmentsapi.adapter.http;

import static org.assessmentsapi.support.Responses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.assessmentsapi.adapter.auth.JwksSettings;
import org.assessmentsapi.bootstrap.AppConfig;
import org.assessmentsapi.contract.ContractCheckedHandler;
import org.assessmentsapi.devkit.DevIssuer;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.TestEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The issuer's key set over time: rotation, an issuer that is down or slow, and tokens with random
 * {@code kid}s. Each test has its own issuer and key cache, on the shared table.
 */
class JwksResilienceTest extends ApiTestSupport {

    /** A rate-limit window short enough to wait out in a test; production keeps 30 s. */
    private static final Duration SHORT_WINDOW = Duration.ofMillis(300);

    private final DevIssuer issuer = DevIssuer.start();

    @AfterEach
    void stopIssuer() {
        issuer.close();
    }

    @Test
    void rotatedKeyIsAcceptedAfterARefreshAndTheRemovedKeyIsRejected() throws InterruptedException {
        ContractCheckedHandler handler = handler(JwksSettings.PRODUCTION.withMinRefetchInterval(SHORT_WINDOW));
        String id = createOwned(handler);
        String oldKeyToken = issuer.token(owner);
        assertEquals(200, update(handler, id, oldKeyToken, 10).getStatusCode());

        issuer.rotateKey();
        Thread.sleep(SHORT_WINDOW.multipliedBy(2).toMillis());
        assertEquals(
                200, update(handler, id, issuer.token(owner), 20).getStatusCode(), "new kid: one refresh finds it");

        Thread.sleep(SHORT_WINDOW.multipliedBy(2).toMillis());
        APIGatewayV2HTTPResponse removed = update(handler, id, oldKeyToken, 30);
        assertProblem(removed, 401);
        assertEquals(
                "20", env.rawItem(TestEnvironment.TABLE, id).get("progress").n(), "the removed key wrote nothing");
    }

    @Test
    void randomKidsCannotMakeTheFunctionHammerTheIssuer() {
        ContractCheckedHandler handler = handler(JwksSettings.PRODUCTION);
        String id = createOwned(handler);
        int fetchesBefore = issuer.jwksRequests();
        RSAKey attacker = DevIssuer.newRsaKey();
        int attempts = 200;
        for (int i = 0; i < attempts; i++) {
            RSAKey withRandomKid = new RSAKey.Builder(attacker)
                    .keyID(UUID.randomUUID().toString())
                    .build();
            String forged =
                    DevIssuer.sign(issuer.claims(owner, Duration.ofHours(1)).build(), withRandomKid);
            assertProblem(update(handler, id, forged, 99), 401);
        }
        int fetches = issuer.jwksRequests() - fetchesBefore;
        System.out.println("random kids: " + attempts + " forged tokens caused " + fetches + " JWKS fetches");
        assertTrue(fetches <= 1, "at most one fetch per 30 s window, got " + fetches);
        assertEquals(200, update(handler, id, issuer.token(owner), 5).getStatusCode(), "valid tokens still work");
        assertEquals("5", env.rawItem(TestEnvironment.TABLE, id).get("progress").n());
    }

    @Test
    void issuerDownWithNoCachedKeysIsServiceUnavailableNotUnauthorized() throws InterruptedException {
        ContractCheckedHandler handler = handler(JwksSettings.PRODUCTION.withMinRefetchInterval(SHORT_WINDOW));
        String id = createOwnedDirectly();
        issuer.failWith(500);
        for (int i = 0; i < 5; i++) {
            APIGatewayV2HTTPResponse response = update(handler, id, issuer.token(owner), 50);
            assertProblem(response, 503);
            assertEquals("1", response.getHeaders().get("Retry-After"));
        }
        issuer.failWith(0);
        Thread.sleep(SHORT_WINDOW.multipliedBy(2).toMillis());
        assertEquals(
                200, update(handler, id, issuer.token(owner), 60).getStatusCode(), "recovers once the issuer is back");
        assertEquals(
                "2", env.rawItem(TestEnvironment.TABLE, id).get("version").n(), "only the accepted update was written");
    }

    @Test
    void issuerDownWithCachedKeysKeepsServing() {
        ContractCheckedHandler handler = handler(JwksSettings.PRODUCTION);
        String id = createOwned(handler);
        issuer.failWith(503);
        assertEquals(200, update(handler, id, issuer.token(owner), 70).getStatusCode());
    }

    @Test
    void slowIssuerGivesAClearAnswerWithinTheFetchTimeout() {
        ContractCheckedHandler handler = handler(JwksSettings.PRODUCTION);
        String id = createOwnedDirectly();
        issuer.delayResponses(Duration.ofSeconds(6));
        long start = System.nanoTime();
        APIGatewayV2HTTPResponse response = update(handler, id, issuer.token(owner), 80);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        issuer.delayResponses(Duration.ZERO);
        System.out.println("slow issuer: answered " + response.getStatusCode() + " in " + elapsed.toMillis() + " ms");
        assertProblem(response, 503);
        // The read timeout is 1.5 s; the function timeout is 10 s. A generous bound, far from both.
        assertTrue(elapsed.compareTo(Duration.ofSeconds(5)) < 0, "answered in " + elapsed.toMillis() + " ms");
        assertEquals("1", env.rawItem(TestEnvironment.TABLE, id).get("version").n());
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private final String owner = "auth0|" + UUID.randomUUID();

    /** A handler that trusts this test's issuer, with its own key cache. */
    private ContractCheckedHandler handler(JwksSettings settings) {
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                "TABLE_NAME", TestEnvironment.TABLE,
                "DYNAMODB_ENDPOINT", env.dynalite.endpoint().toString(),
                "JWT_ISSUER", issuer.issuer(),
                "JWT_AUDIENCE", issuer.audience()));
        return env.handlerWith(config, env.dynamoDb, settings);
    }

    /** Creates an assessment through this test's handler (which also fills its key cache). */
    private String createOwned(ContractCheckedHandler handler) {
        APIGatewayV2HTTPResponse created =
                handler.handleRequest(ApiEvents.post(issuer.token(owner), CREATE_BODY), null);
        assertEquals(201, created.getStatusCode(), created.getBody());
        return org.assessmentsapi.support.Responses.json(created).get("id").asText();
    }

    /** Creates an assessment for the owner without touching this test's key cache (it stays cold). */
    private String createOwnedDirectly() {
        return createOwned(handler(JwksSettings.PRODUCTION));
    }

    private static APIGatewayV2HTTPResponse update(
            ContractCheckedHandler handler, String id, String token, int progress) {
        return handler.handleRequest(ApiEvents.put(id, token, "{\"progress\":" + progress + "}"), null);
    }
}
