package org.assessmentsapi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.assessmentsapi.devkit.DevIssuer;
import org.assessmentsapi.devkit.Dynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real issuer without JWKS_URL: the runner finds its keys through the discovery document and names where in the
 * banner; a configuration error (another issuer, trailing slash included; no discovery document; a key set that is
 * not one) stops it with one line that says what to fix, before anything is started.
 */
class IssuerDiscoveryStartTest {

    private static Dynalite dynalite;
    private static DevIssuer provider;

    @BeforeAll
    static void start() {
        dynalite = Dynalite.start();
        provider = DevIssuer.start("https://api.example.test/assessments");
    }

    @AfterAll
    static void stop() {
        provider.close();
        dynalite.close();
    }

    @Test
    void theKeysAreFoundThroughDiscoveryAndTheBannerSaysWhere() {
        try (LocalApi api = LocalApi.start(options(provider.issuer()))) {
            assertTrue(api.banner().contains("keys from " + provider.jwksUrl() + " (OpenID discovery)"), api.banner());
            Http http = new Http(api.baseUri());
            String token = provider.token("client-a");
            String id = http.create(token);
            assertEquals(
                    200, http.json("GET", "/api/assessments/" + id, token, null).statusCode());
        }
    }

    @Test
    void anIssuerWithoutTheProvidersTrailingSlashIsRefusedNamingBoth() {
        String withoutSlash = provider.issuer().substring(0, provider.issuer().length() - 1);
        LocalStartException e = assertThrows(LocalStartException.class, () -> LocalApi.start(options(withoutSlash)));
        assertTrue(
                e.getMessage()
                                .startsWith("the identity provider settings are wrong: JWT_ISSUER is '" + withoutSlash
                                        + "' but the provider's discovery document")
                        && e.getMessage().contains("says issuer '" + provider.issuer() + "'"),
                e.getMessage());
    }

    @Test
    void aMissingDiscoveryDocumentOrKeySetIsRefused() {
        try {
            provider.answer(DevIssuer.DISCOVERY_PATH, 404, "");
            LocalStartException missing =
                    assertThrows(LocalStartException.class, () -> LocalApi.start(options(provider.issuer())));
            assertTrue(missing.getMessage().contains("answers HTTP 404"), missing.getMessage());
            provider.answerNormally();
            provider.answer(DevIssuer.JWKS_PATH, 200, "{\"not\":\"keys\"}");
            LocalStartException notKeys =
                    assertThrows(LocalStartException.class, () -> LocalApi.start(options(provider.issuer())));
            assertTrue(notKeys.getMessage().contains("is not a JSON Web Key Set"), notKeys.getMessage());
        } finally {
            provider.answerNormally();
        }
    }

    @Test
    void anUnreachableIssuerOnlyWarns() {
        provider.failWith(503);
        try (LocalApi api = LocalApi.start(options(provider.issuer()))) {
            assertTrue(api.banner().contains("(not reachable at start-up)"), api.banner());
        } finally {
            provider.failWith(0);
        }
    }

    @Test
    void developmentTokensGrantTheConfiguredScopes() {
        Map<String, String> env = Map.of(
                "READ_SCOPE", "read:assessments",
                "WRITE_SCOPE", "write:assessments",
                "DYNAMODB_ENDPOINT", dynalite.endpoint().toString(),
                "TABLE_NAME", "assessments-dev-scopes");
        try (LocalApi api = LocalApi.start(LocalOptions.ephemeral(env))) {
            assertTrue(api.banner().contains("development issuer"), api.banner());
            Http http = new Http(api.baseUri());
            String token = api.mintToken("dev-scoped");
            String id = http.create(token);
            assertEquals(
                    200, http.json("GET", "/api/assessments/" + id, token, null).statusCode());
            Http.assertProblem(http.json("POST", "/api/assessments", provider.token("x"), Http.CREATE_BODY), 401);
        }
    }

    private static LocalOptions options(String issuer) {
        Map<String, String> env = new HashMap<>();
        env.put("JWT_ISSUER", issuer);
        env.put("JWT_AUDIENCE", provider.audience());
        env.put("DYNAMODB_ENDPOINT", dynalite.endpoint().toString());
        env.put("TABLE_NAME", "assessments-discovery");
        return LocalOptions.ephemeral(env);
    }
}
