package org.assessmentsapi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.assessmentsapi.devkit.DevIssuer;
import org.assessmentsapi.devkit.Dynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JWT_ISSUER, JWT_AUDIENCE and JWKS_URL set: tokens are verified against that issuer (here a separate DevIssuer
 * playing a real one), {@code /local/tokens} does not exist, and DYNAMODB_ENDPOINT is used instead of starting dynalite.
 */
class ConfiguredIssuerTest {

    private static Dynalite dynalite;
    private static DevIssuer realIssuer;
    private static LocalApi api;
    private static Http http;

    @BeforeAll
    static void start() {
        dynalite = Dynalite.start();
        realIssuer = DevIssuer.start("https://api.example.test/assessments");
        api = LocalApi.start(LocalOptions.ephemeral(Map.of(
                "JWT_ISSUER", realIssuer.issuer(),
                "JWT_AUDIENCE", realIssuer.audience(),
                "JWKS_URL", realIssuer.jwksUrl().toString(),
                "DYNAMODB_ENDPOINT", dynalite.endpoint().toString(),
                "TABLE_NAME", "assessments-configured")));
        http = new Http(api.baseUri());
    }

    @AfterAll
    static void stop() {
        api.close();
        realIssuer.close();
        dynalite.close();
    }

    @Test
    void tokensOfTheConfiguredIssuerAreAccepted() {
        assertFalse(api.devIssuerMode());
        assertEquals(dynalite.endpoint(), api.config().dynamoDbEndpoint().orElseThrow());
        String token = realIssuer.token("auth0|someone");
        String id = http.create(token);
        assertEquals(
                200, http.json("GET", "/api/assessments/" + id, token, null).statusCode());
        assertTrue(api.banner().contains("<your access token>"), api.banner());
        assertTrue(api.banner().contains("keys from " + realIssuer.jwksUrl() + " (JWKS_URL)"), api.banner());
    }

    @Test
    void tokensOfAnotherIssuerAreRejected() {
        try (DevIssuer other = DevIssuer.start(realIssuer.audience())) {
            Http.assertProblem(
                    http.json("POST", "/api/assessments", other.token("auth0|someone"), Http.CREATE_BODY), 401);
        }
    }

    @Test
    void localTokensIsNotServed() {
        HttpResponse<String> response =
                http.json("POST", "/local/tokens", realIssuer.token("auth0|someone"), "{\"sub\":\"x\"}");
        Http.assertProblem(response, 404);
        assertThrows(IllegalStateException.class, () -> api.mintToken("x"));
    }

    @Test
    void theDocsPageIsServedWithoutAnyToken() {
        HttpResponse<String> page = http.send("GET", DocsPages.PAGE_PATH, null, null, null);

        assertEquals(200, page.statusCode(), page.body());
        assertFalse(page.body().contains("dev-token"), page.body());
        assertTrue(api.banner().contains("/docs (try it in the browser: Authorize with a token of your issuer)"));
    }
}
