package org.assessmentsapi.adapter.http;

import static org.assessmentsapi.support.Responses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jwt.SignedJWT;
import java.util.HashMap;
import java.util.Map;
import org.assessmentsapi.contract.ContractCheckedHandler;
import org.assessmentsapi.devkit.OidcProvider;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.Responses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API with a real, certified OpenID provider ({@code oidc-provider}, started from devkit/oidc): client-credentials
 * access tokens fetched from its token endpoint over HTTP, its keys found only through its discovery document (no
 * JWKS_URL; its issuer has no trailing slash and its JWKS is at /jwks), in strict RFC 9068 mode, with and without
 * scopes, for each signing algorithm it is set to.
 */
class OidcProviderInteropTest extends ApiTestSupport {

    private static final String AUDIENCE = "https://api.example.test/assessments";
    private static final String READ = "read:assessments";
    private static final String WRITE = "write:assessments";

    private static final Map<String, OidcProvider> PROVIDERS = new HashMap<>();

    @BeforeAll
    static void startProviders() {
        for (String alg : new String[] {"RS256", "PS256", "ES256"}) {
            PROVIDERS.put(alg, OidcProvider.start(AUDIENCE, READ + " " + WRITE, alg));
        }
    }

    @AfterAll
    static void stopProviders() {
        PROVIDERS.values().forEach(OidcProvider::close);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256"})
    void itsTokensWorkThroughDiscoveryWithScopesEnforced(String alg) throws Exception {
        OidcProvider provider = PROVIDERS.get(alg);
        ContractCheckedHandler handler = handler(
                provider.issuer(),
                Map.of(
                        "JWT_STRICT_TYPE", "true",
                        "READ_SCOPE", READ,
                        "WRITE_SCOPE", WRITE));
        String both = provider.clientCredentialsToken(READ + " " + WRITE);
        SignedJWT parsed = SignedJWT.parse(both);
        assertEquals(alg, parsed.getHeader().getAlgorithm().getName());
        assertEquals("at+jwt", parsed.getHeader().getType().getType());

        APIGatewayV2HTTPResponse created = handler.handleRequest(ApiEvents.post(both, CREATE_BODY), null);
        assertEquals(201, created.getStatusCode(), created.getBody());
        String id = Responses.json(created).get("id").asText();
        assertEquals(
                OidcProvider.CLIENT_ID, Responses.json(created).get("userId").asText());

        String readOnly = provider.clientCredentialsToken(READ);
        assertEquals(
                200, handler.handleRequest(ApiEvents.get(id, readOnly), null).getStatusCode());
        APIGatewayV2HTTPResponse refused = handler.handleRequest(ApiEvents.put(id, readOnly, "{\"progress\":9}"), null);
        assertProblem(refused, 403);
        assertEquals(
                "Bearer error=\"insufficient_scope\", scope=\"" + WRITE + "\"",
                refused.getHeaders().get("WWW-Authenticate"));
        assertEquals(
                200,
                handler.handleRequest(ApiEvents.put(id, both, "{\"progress\":9}"), null)
                        .getStatusCode());
        assertEquals(2, stored(id).version(), "only the update with the write scope was applied");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256"})
    void withoutScopeSettingsATokenWithoutScopesIsEnough(String alg) {
        OidcProvider provider = PROVIDERS.get(alg);
        String none = provider.clientCredentialsToken(null);
        APIGatewayV2HTTPResponse created =
                handler(provider.issuer(), Map.of()).handleRequest(ApiEvents.post(none, CREATE_BODY), null);
        assertEquals(201, created.getStatusCode(), created.getBody());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256"})
    void theAuth0HabitOfATrailingSlashIsNamedAsAConfigurationError(String alg) {
        OidcProvider provider = PROVIDERS.get(alg);
        APIGatewayV2HTTPResponse response = handler(provider.issuer() + "/", Map.of())
                .handleRequest(ApiEvents.post(provider.clientCredentialsToken(null), CREATE_BODY), null);
        var problem = assertProblem(response, 503);
        assertEquals(
                "urn:assessments-api:problem:auth-misconfigured",
                problem.get("type").asText());
        assertNull(response.getHeaders().get("Retry-After"));
        assertFalse(response.getBody().contains(provider.issuer()));
    }

    /** A handler on the shared table for {@code issuer} and this test's audience, with its own key cache. */
    private ContractCheckedHandler handler(String issuer, Map<String, String> more) {
        return env.handlerTrusting(issuer, AUDIENCE, more);
    }
}
