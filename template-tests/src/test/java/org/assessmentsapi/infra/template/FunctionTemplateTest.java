package org.assessmentsapi.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.assessmentsapi.infra.AssessmentsStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class FunctionTemplateTest {

    private static Synth.Result synth;
    private static String tableId;

    @BeforeAll
    static void synthesize() {
        synth = Synth.production();
        tableId = synth.only("AWS::DynamoDB::Table").getKey();
    }

    @Test
    void theApiFunctionAndTheEventsFunctionWithStableLogicalIdsAndTheirHandlers() {
        assertEquals(
                java.util.Set.of(AssessmentsStack.API_FUNCTION_ID, AssessmentsStack.EVENTS_FUNCTION_ID),
                synth.resources("AWS::Lambda::Function").keySet());
        assertEquals("org.assessmentsapi.adapter.http.ApiHandler", api().get("Handler"));
        assertEquals(
                "org.assessmentsapi.adapter.events.AssessmentEventsHandler",
                synth.properties(AssessmentsStack.EVENTS_FUNCTION_ID).get("Handler"));
    }

    private static Map<String, Object> api() {
        return synth.properties(AssessmentsStack.API_FUNCTION_ID);
    }

    @Test
    void java25OnArm64With1024MbByDefault() {
        for (Map<String, Object> function :
                synth.resources("AWS::Lambda::Function").values()) {
            Map<?, ?> properties = (Map<?, ?>) function.get("Properties");
            assertEquals("java25", properties.get("Runtime"));
            // Tested on the JVM it runs on: the suite runs on the root pom's JDK toolchain, whatever runs Maven.
            assertEquals("java" + Runtime.version().feature(), properties.get("Runtime"));
            assertEquals(List.of("arm64"), properties.get("Architectures"));
            assertEquals(1024, properties.get("MemorySize"));
        }
    }

    @Test
    void timeoutFitsTheHttpApiIntegrationLimitOf30Seconds() {
        int timeout = ((Number) api().get("Timeout")).intValue();
        assertEquals(10, timeout);
        assertTrue(timeout < 30, "the HTTP API would answer 503 before the function gives up");
    }

    @Test
    void snapStartOnPublishedVersionsWithTheJvmsDefaultCompilationAndNativeAccess() {
        for (Map<String, Object> function :
                synth.resources("AWS::Lambda::Function").values()) {
            Map<?, ?> properties = (Map<?, ?>) function.get("Properties");
            assertEquals(Map.of("ApplyOn", "PublishedVersions"), properties.get("SnapStart"));
            Map<?, ?> variables = (Map<?, ?>) ((Map<?, ?>) properties.get("Environment")).get("Variables");
            assertEquals("--enable-native-access=ALL-UNNAMED", variables.get("JAVA_TOOL_OPTIONS"));
        }
    }

    @Test
    void configurationEnvironmentIsExactlyTableIssuerAudienceAndJvmOptions() {
        synth.template()
                .hasResource(
                        "AWS::Lambda::Function",
                        Map.of(
                                "Properties",
                                Match.objectLike(Map.of(
                                        "Handler",
                                        AssessmentsStack.API_HANDLER,
                                        "Environment",
                                        Map.of(
                                                "Variables",
                                                Match.objectEquals(Map.of(
                                                        "TABLE_NAME", Map.of("Ref", tableId),
                                                        "JWT_ISSUER", "https://id.example.com/",
                                                        "JWT_AUDIENCE", "assessments-api",
                                                        "CURSOR_KEY", cursorKeyReference(),
                                                        "JAVA_TOOL_OPTIONS", "--enable-native-access=ALL-UNNAMED",
                                                        "METRICS_NAMESPACE", "AssessmentsApi")))))));
    }

    @Test
    void bothFunctionsGetTheStacksMetricsNamespace() {
        for (Map<String, Object> function :
                synth.resources("AWS::Lambda::Function").values()) {
            Map<?, ?> properties = (Map<?, ?>) function.get("Properties");
            Map<?, ?> variables = (Map<?, ?>) ((Map<?, ?>) properties.get("Environment")).get("Variables");
            assertEquals(
                    "AssessmentsApi",
                    variables.get("METRICS_NAMESPACE"),
                    properties.get("Handler").toString());
        }
    }

    /** CloudFormation resolves the generated secret at deployment: no Secrets Manager call at cold start. */
    private static Map<String, Object> cursorKeyReference() {
        String secretId = synth.only("AWS::SecretsManager::Secret").getKey();
        return Map.of(
                "Fn::Join",
                List.of("", List.of("{{resolve:secretsmanager:", Map.of("Ref", secretId), ":SecretString:::}}")));
    }

    @Test
    void theCursorKeyIsAGeneratedSecretOf64LettersAndDigitsKeptWithTheStack() {
        Map<String, Object> secret = synth.only("AWS::SecretsManager::Secret").getValue();
        assertEquals(
                Map.of("PasswordLength", 64, "ExcludePunctuation", true, "IncludeSpace", false),
                ((Map<?, ?>) secret.get("Properties")).get("GenerateSecretString"));
        assertEquals("Retain", secret.get("DeletionPolicy"));
    }

    @Test
    void activeTracingAndJsonLogsIntoARetainedLogGroup() {
        assertEquals(Map.of("Mode", "Active"), api().get("TracingConfig"));
        // The level is pinned: INFO keeps the summary lines and the metric documents (docs/operations.md).
        synth.assertJsonLogsIntoARetainedGroup(api(), "ApiLogs");
        assertEquals(
                Map.of("Mode", "Active"),
                synth.properties(AssessmentsStack.EVENTS_FUNCTION_ID).get("TracingConfig"));
    }

    @Test
    void liveAliasPointsAtThePublishedVersion() {
        String versionId = synth.logicalId(id -> id.startsWith("ApiFunctionCurrentVersion"), "AWS::Lambda::Version");
        assertEquals(
                Map.of("Ref", AssessmentsStack.API_FUNCTION_ID),
                synth.properties(versionId).get("FunctionName"));
        String aliasId = synth.logicalId(id -> id.startsWith("ApiAlias"), "AWS::Lambda::Alias");
        assertEquals(
                Map.of(
                        "Name", "live",
                        "FunctionName", Map.of("Ref", AssessmentsStack.API_FUNCTION_ID),
                        "FunctionVersion", Map.of("Fn::GetAtt", List.of(versionId, "Version"))),
                synth.properties(aliasId));
    }
}
