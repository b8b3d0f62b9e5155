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
  void exactlySevenAlarms() {
    // API 5xx rate, errors and throttles of each function, dead-letter queue depth, events backlog age.
    synth.template().resourceCountIs("AWS::CloudWatch::Alarm", 7);
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
  void lambdaErrorsAndThrottlesAlarmsOfBothFunctions() {
    for (String functionId : List.of(AssessmentsStack.API_FUNCTION_ID, AssessmentsStack.EVENTS_FUNCTION_ID)) {
      for (String metric : List.of("Errors", "Throttles")) {
        synth.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
            "Namespace", "AWS/Lambda",
            "MetricName", metric,
            "Statistic", "Sum",
            // All versions of the function, hence also the alias that the API or the queue invokes.
            "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", functionId))),
            "Threshold", 1,
            "ComparisonOperator", "GreaterThanOrEqualToThreshold"));
      }
    }
  }

  @Test
  void deadLetterQueueDepthAlarmFiresOnTheFirstMessage() {
    String dlqId = synth.logicalId(id -> id.startsWith("EventsDeadLetterQueue") && !id.contains("Policy"),
        "AWS::SQS::Queue");
    String alarmId = synth.logicalId(id -> id.startsWith("EventsDeadLetterQueueAlarm"), "AWS::CloudWatch::Alarm");
    Map<String, Object> alarm = synth.properties(alarmId);
    assertEquals("AWS/SQS", alarm.get("Namespace"));
    assertEquals("ApproximateNumberOfMessagesVisible", alarm.get("MetricName"));
    assertEquals(List.of(Map.of("Name", "QueueName", "Value", Map.of("Fn::GetAtt", List.of(dlqId, "QueueName")))),
        alarm.get("Dimensions"));
    assertEquals("Maximum", alarm.get("Statistic"));
    assertEquals(60, alarm.get("Period"));
    assertEquals(1, alarm.get("EvaluationPeriods"));
    assertEquals(0, alarm.get("Threshold"));
    assertEquals("GreaterThanThreshold", alarm.get("ComparisonOperator"));
    // SQS sends no data points for an idle, empty queue: that is the healthy state.
    assertEquals("notBreaching", alarm.get("TreatMissingData"));
  }

  @Test
  void eventsBacklogAlarmFiresWhenTheOldestMessageWaitsOverFifteenMinutes() {
    String queueId = synth.logicalId(id -> id.startsWith("EventsQueue") && !id.contains("Policy"), "AWS::SQS::Queue");
    String alarmId = synth.logicalId(id -> id.startsWith("EventsBacklogAlarm"), "AWS::CloudWatch::Alarm");
    Map<String, Object> alarm = synth.properties(alarmId);
    assertEquals("AWS/SQS", alarm.get("Namespace"));
    assertEquals("ApproximateAgeOfOldestMessage", alarm.get("MetricName"));
    assertEquals(List.of(Map.of("Name", "QueueName", "Value", Map.of("Fn::GetAtt", List.of(queueId, "QueueName")))),
        alarm.get("Dimensions"));
    assertEquals("Maximum", alarm.get("Statistic"));
    assertEquals(900, alarm.get("Threshold"));
    assertEquals("GreaterThanThreshold", alarm.get("ComparisonOperator"));
  }

  @Test
  void outputsTheEventQueuesForPublishingAndRedrive() {
    String queueId = synth.logicalId(id -> id.startsWith("EventsQueue") && !id.contains("Policy"), "AWS::SQS::Queue");
    String dlqId = synth.logicalId(id -> id.startsWith("EventsDeadLetterQueue") && !id.contains("Policy"),
        "AWS::SQS::Queue");
    synth.template().hasOutput("EventsQueueUrl", Map.of("Value", Map.of("Ref", queueId)));
    synth.template().hasOutput("EventsQueueArn", Map.of("Value", Map.of("Fn::GetAtt", List.of(queueId, "Arn"))));
    synth.template().hasOutput("EventsDeadLetterQueueName",
        Map.of("Value", Map.of("Fn::GetAtt", List.of(dlqId, "QueueName"))));
    synth.template().hasOutput("EventsDeadLetterQueueArn",
        Map.of("Value", Map.of("Fn::GetAtt", List.of(dlqId, "Arn"))));
  }

  @Test
  void outputsTheApiUrlAndTheTableName() {
    Map<String, Map<String, Object>> outputs = synth.template().findOutputs("*");
    assertEquals(java.util.Set.of("ApiUrl", "TableName",
        "EventsQueueUrl", "EventsQueueArn", "EventsDeadLetterQueueName", "EventsDeadLetterQueueArn"), outputs.keySet());
    synth.template().hasOutput("TableName", Map.of("Value", Map.of("Ref", tableId)));
    synth.template().hasOutput("ApiUrl", Map.of("Value", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
        "https://", Map.of("Ref", apiId), ".execute-api."))))));
  }
}
