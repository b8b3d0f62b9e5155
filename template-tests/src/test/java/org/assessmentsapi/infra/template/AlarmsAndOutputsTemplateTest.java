package org.assessmentsapi.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.assessmentsapi.infra.AssessmentsStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class AlarmsAndOutputsTemplateTest {

  private static Synth.Result synth;
  private static String apiId;
  private static String tableId;

  @BeforeAll
  static void synthesize() {
    synth = Synth.production();
    apiId = synth.only("AWS::ApiGatewayV2::Api").getKey();
    tableId = synth.only("AWS::DynamoDB::Table").getKey();
  }

  @Test
  void exactlyThreeAlarms() {
    synth.template().resourceCountIs("AWS::CloudWatch::Alarm", 3);
  }

  @Test
  void api5xxRateAlarm() {
    // An HTTP API's 5xx metric is 0 or 1 per request, so its Average is the share of 5xx answers.
    synth.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
        "Namespace", "AWS/ApiGateway",
        "MetricName", "5xx",
        "Statistic", "Average",
        "Dimensions", List.of(Map.of("Name", "ApiId", "Value", Map.of("Ref", apiId))),
        "Threshold", 0.05,
        "ComparisonOperator", "GreaterThanThreshold",
        "TreatMissingData", "notBreaching"));
  }

  @Test
  void lambdaErrorsAndThrottlesAlarms() {
    for (String metric : List.of("Errors", "Throttles")) {
      synth.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
          "Namespace", "AWS/Lambda",
          "MetricName", metric,
          "Statistic", "Sum",
          // All versions of the function, hence also the alias the API invokes.
          "Dimensions", List.of(Map.of("Name", "FunctionName",
              "Value", Map.of("Ref", AssessmentsStack.API_FUNCTION_ID))),
          "Threshold", 1,
          "ComparisonOperator", "GreaterThanOrEqualToThreshold"));
    }
  }

  @Test
  void outputsTheApiUrlAndTheTableName() {
    Map<String, Map<String, Object>> outputs = synth.template().findOutputs("*");
    assertEquals(java.util.Set.of("ApiUrl", "TableName"), outputs.keySet());
    synth.template().hasOutput("TableName", Map.of("Value", Map.of("Ref", tableId)));
    synth.template().hasOutput("ApiUrl", Map.of("Value", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
        "https://", Map.of("Ref", apiId), ".execute-api."))))));
  }
}
