package org.assessmentsapi.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
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
                "gateway-authorizer-no-scopes", with(Synth.PRODUCTION, Map.of("gatewayAuthorizer", true)), false);
        scopesWithoutAuthorizer = Synth.synth(
                "scopes-without-gateway-authorizer",
                with(WITH_SCOPES, Map.of("gatewayAuthorizer", "false", "jwtStrictType", "false")),
                false);
    }

    private static Map<String, Object> with(Map<String, Object> context, Map<String, Object> changes) {
        Map<String, Object> changed = new HashMap<>(context);
        changed.putAll(changes);
        return changed;
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
        String authorizerId = withScopes.only("AWS::ApiGatewayV2::Authorizer").getKey();
        // Reads (GET, HEAD) need the read scope, every write (PUT, POST, DELETE) the write scope.
        Map<String, List<String>> expected = new TreeMap<>();
        for (String routeKey : HttpApiTemplateTest.ROUTE_KEYS) {
            boolean read = routeKey.startsWith("GET ") || routeKey.startsWith("HEAD ");
            expected.put(routeKey, List.of(read ? "read:assessments" : "write:assessments"));
        }
        Map<String, Object> scopes = new TreeMap<>();
        for (Map<String, Object> route :
                withScopes.resources("AWS::ApiGatewayV2::Route").values()) {
            Map<?, ?> properties = (Map<?, ?>) route.get("Properties");
            String routeKey = (String) properties.get("RouteKey");
            assertEquals("JWT", properties.get("AuthorizationType"), routeKey);
            assertEquals(Map.of("Ref", authorizerId), properties.get("AuthorizerId"), routeKey);
            scopes.put(routeKey, properties.get("AuthorizationScopes"));
        }
        assertEquals(expected, scopes);
    }

    @Test
    void withoutConfiguredScopesEveryRouteIsBehindTheAuthorizerWithoutScopes() {
        String authorizerId =
                withoutScopes.only("AWS::ApiGatewayV2::Authorizer").getKey();
        Map<String, Map<String, Object>> routes = withoutScopes.resources("AWS::ApiGatewayV2::Route");
        assertEquals(HttpApiTemplateTest.ROUTE_KEYS.size(), routes.size());
        for (Map<String, Object> route : routes.values()) {
            Map<?, ?> properties = (Map<?, ?>) route.get("Properties");
            String routeKey = (String) properties.get("RouteKey");
            assertEquals("JWT", properties.get("AuthorizationType"), routeKey);
            assertEquals(Map.of("Ref", authorizerId), properties.get("AuthorizerId"), routeKey);
            assertNull(properties.get("AuthorizationScopes"), routeKey);
        }
    }

    @Test
    void scopesWithoutTheAuthorizerAreTheFunctionsAloneNoRouteCarriesThem() {
        scopesWithoutAuthorizer.template().resourceCountIs("AWS::ApiGatewayV2::Authorizer", 0);
        for (Map<String, Object> route :
                scopesWithoutAuthorizer.resources("AWS::ApiGatewayV2::Route").values()) {
            Map<?, ?> properties = (Map<?, ?>) route.get("Properties");
            assertEquals(
                    "NONE",
                    properties.get("AuthorizationType"),
                    properties.get("RouteKey").toString());
            assertNull(properties.get("AuthorizationScopes"));
        }
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
