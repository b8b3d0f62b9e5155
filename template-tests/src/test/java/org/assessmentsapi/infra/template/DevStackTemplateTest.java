package org.assessmentsapi.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.assessmentsapi.infra.AssessmentsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** A throwaway stack with every context value changed from its default. */
class DevStackTemplateTest {

    private static Synth.Result synth;

    @BeforeAll
    static void synthesize() {
        synth = Synth.synth(
                "dev",
                Map.ofEntries(
                        Map.entry("dev", "true"),
                        Map.entry("stackName", "AssessmentsApi-dev"),
                        Map.entry("memorySize", "2048"),
                        Map.entry("throttleRateLimit", "5"),
                        Map.entry("throttleBurstLimit", "10"),
                        Map.entry("jwksUrl", "https://keys.example.com/jwks.json"),
                        Map.entry("corsAllowedOrigins", "https://app.example.com,http://localhost:3000"),
                        Map.entry("eventBusName", "assessments"),
                        Map.entry("eventSources", "assessments.analysis-pipeline, assessments.upload-processor"),
                        Map.entry("eventsMaxReceiveCount", "5"),
                        Map.entry("eventsBatchSize", "4"),
                        Map.entry("eventsBatchingWindowSeconds", "0"),
                        Map.entry("eventsMaxConcurrency", "2")),
                false);
    }

    @Test
    void stackNameFromContext() {
        assertEquals("AssessmentsApi-dev", synth.stack().getStackName());
    }

    @Test
    void tableLogGroupsAndQueuesAreDestroyedWithTheStack() {
        synth.template()
                .hasResource(
                        "AWS::DynamoDB::Table",
                        Map.of(
                                "DeletionPolicy", "Delete",
                                "UpdateReplacePolicy", "Delete",
                                "Properties", Match.objectLike(Map.of("DeletionProtectionEnabled", false))));
        for (Map<String, Object> logGroup :
                synth.resources("AWS::Logs::LogGroup").values()) {
            assertEquals("Delete", logGroup.get("DeletionPolicy"));
        }
        synth.template().resourceCountIs("AWS::SQS::Queue", 2);
        synth.template().allResources("AWS::SQS::Queue", Map.of("DeletionPolicy", "Delete"));
    }

    @Test
    void ruleOnTheNamedBusForTheAllowedSourcesOnly() {
        synth.template()
                .hasResourceProperties(
                        "AWS::Events::Rule",
                        Map.of(
                                "EventBusName",
                                "assessments",
                                "EventPattern",
                                Match.objectEquals(Map.of(
                                        "detail-type", List.of("Assessment Update Requested"),
                                        "source",
                                                List.of(
                                                        "assessments.analysis-pipeline",
                                                        "assessments.upload-processor")))));
    }

    @Test
    void eventSourceMappingAndRedriveFromContext() {
        synth.template()
                .hasResourceProperties(
                        "AWS::Lambda::EventSourceMapping",
                        Map.of(
                                "BatchSize", 4,
                                // A window of 0 is Lambda's default: the property is left out.
                                "MaximumBatchingWindowInSeconds", Match.absent(),
                                "ScalingConfig", Map.of("MaximumConcurrency", 2),
                                "FunctionResponseTypes", List.of("ReportBatchItemFailures")));
        synth.template()
                .hasResourceProperties(
                        "AWS::SQS::Queue",
                        Map.of(
                                "RedrivePolicy",
                                Match.objectLike(Map.of("maxReceiveCount", 5)),
                                // 6 x the 60 s function timeout, plus no batching window.
                                "VisibilityTimeout",
                                360));
    }

    @Test
    void placeholderIssuerExplicitJwksUrlAndMemoryFromContext() {
        synth.template()
                .hasResourceProperties(
                        "AWS::Lambda::Function",
                        Map.of(
                                "MemorySize",
                                2048,
                                "Environment",
                                Map.of(
                                        "Variables",
                                        Match.objectLike(Map.of(
                                                "JWT_ISSUER", AssessmentsConfig.DEV_PLACEHOLDER_ISSUER,
                                                "JWT_AUDIENCE", AssessmentsConfig.DEV_PLACEHOLDER_AUDIENCE,
                                                "JWKS_URL", "https://keys.example.com/jwks.json")))));
    }

    @Test
    void throttlingFromContext() {
        synth.template()
                .hasResourceProperties(
                        "AWS::ApiGatewayV2::Stage",
                        Map.of("DefaultRouteSettings", Map.of("ThrottlingRateLimit", 5, "ThrottlingBurstLimit", 10)));
    }

    @Test
    void corsOnlyForTheConfiguredOrigins() {
        synth.template()
                .hasResourceProperties(
                        "AWS::ApiGatewayV2::Api",
                        Map.of(
                                "CorsConfiguration",
                                Match.objectLike(Map.of(
                                        "AllowOrigins", List.of("https://app.example.com", "http://localhost:3000"),
                                        // Conditional requests (If-Match on PUT and DELETE, If-None-Match on GET) and
                                        // safe retries of a POST.
                                        "AllowHeaders",
                                                List.of(
                                                        "Authorization",
                                                        "Content-Type",
                                                        "If-Match",
                                                        "If-None-Match",
                                                        "Idempotency-Key"),
                                        "AllowMethods", List.of("GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS"),
                                        // Without these, a browser's script cannot read the version to send back, nor a
                                        // created resource.
                                        "ExposeHeaders", List.of("ETag", "Location"),
                                        "MaxAge", 3600))));
    }
}
