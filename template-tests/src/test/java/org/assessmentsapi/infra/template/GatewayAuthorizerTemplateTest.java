package org.assessmentsapi.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code gatewayAuthorizer=true}: API Gateway's JWT authorizer in front of every route, with the route's scope when
 * scopes are configured, and the scopes and strict token type passed to the function, which keeps verifying. The
 * default (no authorizer) is in {@link HttpApiTemplateTest}, the cdk-nag side of both in {@link CdkNagTest}.
 */
class GatewayAuthorizerTemplateTest {

    static final Map<String, Object> WITH_SCOPES = Map.of(
            "jwtIssuer", "https://id.example.com/",
            "jwtAudience", "assessments-api",
            "gatewayAuthorizer", "true",
            "readScope", "read:assessments",
            "writeScope", "write:assessments",
            "jwtStrictType", "true");

    private static Synth.Result withScopes;
    private static Synth.Result withoutScopes;
    private static Synth.Result scopesWithoutAuthorizer;

    @BeforeAll
    static void synthesize() {
        withScopes = Synth.synth("gateway-authorizer", WITH_SCOPES, false);
        withoutScopes = Synth.synth(
                "gateway-authorizer-no-scopes", Synth.with(Synth.PRODUCTION, Map.of("gatewayAuthorizer", true)), false);
        scopesWithoutAuthorizer = Synth.synth(
                "scopes-without-gateway-authorizer",
                Synth.with(WITH_SCOPES, Map.of("gatewayAuthorizer", "false", "jwtStrictType", "false")),
                false);
    }

    @Test
    void oneJwtAuthorizerWithTheFunctionsIssuerAndAudienceReadingTheAuthorizationHeader() {
        for (Synth.Result synth : List.of(withScopes, withoutScopes)) {
            Map<?, ?> authorizer = (Map<?, ?>)
                    synth.only("AWS::ApiGatewayV2::Authorizer").getValue().get("Properties");
            String apiId = synth.only("AWS::ApiGatewayV2::Api").getKey();
            assertEquals(
                    Map.of(
                            "ApiId", Map.of("Ref", apiId),
                            "AuthorizerType", "JWT",
                            "IdentitySource", List.of("$request.header.Authorization"),
                            "JwtConfiguration",
                                    Map.of("Issuer", "https://id.example.com/", "Audience", List.of("assessments-api")),
                            "Name", "JwtAuthorizer"),
                    authorizer);
        }
    }

    @Test
    void everyRouteIsBehindTheAuthorizerWithTheScopeOfItsMethod() {
        // Reads (GET, HEAD) need the read scope, every write (PUT, POST, DELETE) the write scope.
        Map<String, List<String>> expected = new TreeMap<>();
        for (String routeKey : HttpApiTemplateTest.ROUTE_KEYS) {
            boolean read = routeKey.startsWith("GET ") || routeKey.startsWith("HEAD ");
            expected.put(routeKey, List.of(read ? "read:assessments" : "write:assessments"));
        }
        assertEquals(expected, scopesBehindTheAuthorizer(withScopes));
    }

    @Test
    void withoutConfiguredScopesEveryRouteIsBehindTheAuthorizerWithoutScopes() {
        Map<String, Object> none = new TreeMap<>();
        HttpApiTemplateTest.ROUTE_KEYS.forEach(routeKey -> none.put(routeKey, null));
        assertEquals(none, scopesBehindTheAuthorizer(withoutScopes));
    }

    /** Asserts that every route uses the stack's one JWT authorizer; answers each route's scopes (null: none). */
    private static Map<String, Object> scopesBehindTheAuthorizer(Synth.Result synth) {
        String authorizerId = synth.only("AWS::ApiGatewayV2::Authorizer").getKey();
        Map<String, Object> scopes = new TreeMap<>();
        synth.routes().forEach((routeKey, route) -> {
            assertEquals("JWT", route.get("AuthorizationType"), routeKey);
            assertEquals(Map.of("Ref", authorizerId), route.get("AuthorizerId"), routeKey);
            scopes.put(routeKey, route.get("AuthorizationScopes"));
        });
        return scopes;
    }

    @Test
    void scopesWithoutTheAuthorizerAreTheFunctionsAloneNoRouteCarriesThem() {
        HttpApiTemplateTest.assertNoAuthorizer(scopesWithoutAuthorizer);
        Map<?, ?> variables = apiFunctionVariables(scopesWithoutAuthorizer);
        assertEquals("read:assessments", variables.get("READ_SCOPE"));
        assertEquals("write:assessments", variables.get("WRITE_SCOPE"));
        assertNull(variables.get("JWT_STRICT_TYPE"));
    }

    @Test
    void theFunctionStillGetsIssuerAudienceScopesAndStrictType() {
        Map<?, ?> variables = apiFunctionVariables(withScopes);
        assertEquals("https://id.example.com/", variables.get("JWT_ISSUER"));
        assertEquals("assessments-api", variables.get("JWT_AUDIENCE"));
        assertEquals("read:assessments", variables.get("READ_SCOPE"));
        assertEquals("write:assessments", variables.get("WRITE_SCOPE"));
        assertEquals("true", variables.get("JWT_STRICT_TYPE"));
        assertNull(variables.get("JWKS_URL"), "keys by OpenID discovery");
        // The events function takes no token.
        Map<?, ?> events =
                (Map<?, ?>) ((Map<?, ?>) withScopes.properties("EventsFunction").get("Environment")).get("Variables");
        assertEquals(
                List.of(),
                events.keySet().stream()
                        .filter(name -> name.toString().contains("SCOPE")
                                || name.toString().startsWith("JWT"))
                        .toList());
    }

    @Test
    void byDefaultNoScopeNorStrictTypeReachesTheFunction() {
        Map<?, ?> variables = apiFunctionVariables(withoutScopes);
        for (String name : List.of("READ_SCOPE", "WRITE_SCOPE", "JWT_STRICT_TYPE", "JWKS_URL")) {
            assertNull(variables.get(name), name);
        }
    }

    private static Map<?, ?> apiFunctionVariables(Synth.Result synth) {
        Map<?, ?> properties = synth.properties("ApiFunction");
        return (Map<?, ?>) ((Map<?, ?>) properties.get("Environment")).get("Variables");
    }
}
