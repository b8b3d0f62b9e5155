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
  void oneApiFunctionWithAStableLogicalIdAndItsHandler() {
    var function = synth.only("AWS::Lambda::Function");
    assertEquals(AssessmentsStack.API_FUNCTION_ID, function.getKey());
    synth.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
        "Handler", "org.assessmentsapi.http.ApiHandler::handleRequest"));
  }

  @Test
  void java21OnArm64With1024MbByDefault() {
    synth.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
        "Runtime", "java21",
        "Architectures", List.of("arm64"),
        "MemorySize", 1024));
  }

  @Test
  void timeoutFitsTheHttpApiIntegrationLimitOf30Seconds() {
    Map<?, ?> properties = (Map<?, ?>) synth.only("AWS::Lambda::Function").getValue().get("Properties");
    int timeout = ((Number) properties.get("Timeout")).intValue();
    assertEquals(10, timeout);
    assertTrue(timeout < 30, "the HTTP API would answer 503 before the function gives up");
  }

  @Test
  void snapStartOnPublishedVersionsWithTieredCompilationStoppedAtC1() {
    synth.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
        "SnapStart", Map.of("ApplyOn", "PublishedVersions")));
    synth.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
        "Environment", Map.of("Variables", Match.objectLike(Map.of(
            "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")))));
  }

  @Test
  void configurationEnvironmentIsExactlyTableIssuerAudienceAndJvmOptions() {
    synth.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
        "Environment", Map.of("Variables", Match.objectEquals(Map.of(
            "TABLE_NAME", Map.of("Ref", tableId),
            "JWT_ISSUER", "https://id.example.com/",
            "JWT_AUDIENCE", "assessments-api",
            "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")))));
  }

  @Test
  void activeTracingAndJsonLogsIntoARetainedLogGroup() {
    String logGroupId = synth.logicalId(id -> id.startsWith("ApiLogs"), "AWS::Logs::LogGroup");
    synth.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
        "TracingConfig", Map.of("Mode", "Active"),
        "LoggingConfig", Map.of("LogFormat", "JSON", "LogGroup", Map.of("Ref", logGroupId))));
    Map<String, Object> logGroup = synth.resources("AWS::Logs::LogGroup").get(logGroupId);
    assertEquals(Map.of("RetentionInDays", 30), logGroup.get("Properties"));
    assertEquals("Retain", logGroup.get("DeletionPolicy"));
  }

  @Test
  void liveAliasPointsAtThePublishedVersion() {
    String versionId = synth.only("AWS::Lambda::Version").getKey();
    synth.template().hasResourceProperties("AWS::Lambda::Version", Map.of(
        "FunctionName", Map.of("Ref", AssessmentsStack.API_FUNCTION_ID)));
    synth.template().resourceCountIs("AWS::Lambda::Alias", 1);
    synth.template().hasResourceProperties("AWS::Lambda::Alias", Map.of(
        "Name", "live",
        "FunctionName", Map.of("Ref", AssessmentsStack.API_FUNCTION_ID),
        "FunctionVersion", Map.of("Fn::GetAtt", List.of(versionId, "Version"))));
  }
}
