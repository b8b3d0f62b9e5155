package org.assessmentsapi.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assessmentsapi.devkit.ApiGatewayRoutes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class HttpApiTemplateTest {

    private static Synth.Result synth;
    private static String apiId;
    private static String aliasId;

    @BeforeAll
    static void synthesize() {
        synth = Synth.production();
        apiId = synth.only("AWS::ApiGatewayV2::Api").getKey();
        aliasId = synth.logicalId(id -> id.startsWith("ApiAlias"), "AWS::Lambda::Alias");
    }

    @Test
    void anHttpApiWithoutCorsByDefault() {
        synth.template()
                .hasResourceProperties(
                        "AWS::ApiGatewayV2::Api", Map.of("ProtocolType", "HTTP", "CorsConfiguration", Match.absent()));
    }

    /**
     * The route keys the local runner and the handler tests use as API Gateway's (devkit's {@link ApiGatewayRoutes},
     * pinned to the handler's routes there): the stack must declare exactly these. HEAD has routes of its own (a GET
     * route does not match HEAD).
     */
    static final Set<String> ROUTE_KEYS = Set.copyOf(ApiGatewayRoutes.ROUTE_KEYS);

    @Test
    void exactlyTheRoutesOfTheContract() {
        assertEquals(new TreeSet<>(ROUTE_KEYS), synth.routes().keySet());
    }

    @Test
    void withoutTheGatewayAuthorizerNoRouteHasOne() {
        assertNoAuthorizer(synth);
    }

    /** No authorizer in the stack, and every route open to the function (which verifies the token itself). */
    static void assertNoAuthorizer(Synth.Result synth) {
        synth.template().resourceCountIs("AWS::ApiGatewayV2::Authorizer", 0);
        synth.routes().forEach((routeKey, route) -> {
            assertEquals("NONE", route.get("AuthorizationType"), routeKey);
            assertNull(route.get("AuthorizerId"), routeKey);
            assertNull(route.get("AuthorizationScopes"), routeKey);
        });
    }

    @Test
    void everyRouteTargetsAPayload2IntegrationOfTheLiveAlias() {
        Map<String, Map<String, Object>> integrations = synth.resources("AWS::ApiGatewayV2::Integration");
        for (Map<String, Object> route :
                synth.resources("AWS::ApiGatewayV2::Route").values()) {
            Map<?, ?> properties = (Map<?, ?>) route.get("Properties");
            // Target is {"Fn::Join": ["", ["integrations/", {"Ref": <integration>}]]}
            List<?> join = (List<?>) ((Map<?, ?>) properties.get("Target")).get("Fn::Join");
            List<?> parts = (List<?>) join.get(1);
            assertEquals("integrations/", parts.get(0));
            String integrationId = (String) ((Map<?, ?>) parts.get(1)).get("Ref");
            Map<?, ?> integration = (Map<?, ?>) integrations.get(integrationId).get("Properties");
            assertEquals(
                    "AWS_PROXY",
                    integration.get("IntegrationType"),
                    properties.get("RouteKey").toString());
            assertEquals("2.0", integration.get("PayloadFormatVersion"));
            // The alias (a SnapStart version), never the unqualified function, which would run $LATEST.
            assertEquals(Map.of("Ref", aliasId), integration.get("IntegrationUri"));
            assertEquals(Map.of("Ref", apiId), properties.get("ApiId"));
        }
    }

    @Test
    void apiGatewayMayInvokeOnlyTheAliasAndOnlyFromThisApi() {
        Map<String, Map<String, Object>> permissions = synth.resources("AWS::Lambda::Permission");
        assertEquals(ROUTE_KEYS.size(), permissions.size(), "one permission per route");
        for (Map<String, Object> permission : permissions.values()) {
            Map<?, ?> properties = (Map<?, ?>) permission.get("Properties");
            assertEquals("lambda:InvokeFunction", properties.get("Action"));
            assertEquals("apigateway.amazonaws.com", properties.get("Principal"));
            assertEquals(Map.of("Ref", aliasId), properties.get("FunctionName"));
            String sourceArn = properties.get("SourceArn").toString();
            assertTrue(sourceArn.contains("Ref=" + apiId), sourceArn);
        }
    }

    @Test
    void defaultStageIsThrottledAutoDeployedAndAccessLogged() {
        String accessLogsId = synth.logicalId(id -> id.startsWith("ApiAccessLogs"), "AWS::Logs::LogGroup");
        synth.template().resourceCountIs("AWS::ApiGatewayV2::Stage", 1);
        synth.template()
                .hasResourceProperties(
                        "AWS::ApiGatewayV2::Stage",
                        Map.of(
                                "ApiId", Map.of("Ref", apiId),
                                "StageName", "$default",
                                "AutoDeploy", true,
                                "DefaultRouteSettings", Map.of("ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 100),
                                "AccessLogSettings",
                                        Map.of(
                                                "DestinationArn", Map.of("Fn::GetAtt", List.of(accessLogsId, "Arn")),
                                                "Format",
                                                        Match.stringLikeRegexp(
                                                                ".*\\$context\\.requestId.*\\$context\\.routeKey.*\\$context\\.status.*"
                                                                        + "\\$context\\.authorizer\\.error.*"))));
        Map<String, Object> accessLogs = synth.resources("AWS::Logs::LogGroup").get(accessLogsId);
        assertEquals(Map.of("RetentionInDays", 30), accessLogs.get("Properties"));
    }
}
