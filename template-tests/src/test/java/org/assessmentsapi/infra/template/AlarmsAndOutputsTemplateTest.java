package org.assessmentsapi.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void exactlyTenAlarms() {
        // API 5xx rate and conflict rate, errors, throttles and p99 duration of each function, dead-letter queue
        // depth, events backlog age.
        synth.template().resourceCountIs("AWS::CloudWatch::Alarm", 10);
    }

    @Test
    void everyAlarmSaysWhatToLookAtAndDocsOperationsExplainsIt() throws IOException {
        String operations = Files.readString(Path.of(System.getProperty("assessments.operationsDoc")));
        for (var alarm : synth.resources("AWS::CloudWatch::Alarm").entrySet()) {
            String description = (String) ((Map<?, ?>) alarm.getValue().get("Properties")).get("AlarmDescription");
            Matcher reference = Pattern.compile("Look at: .*docs/operations\\.md, (\\w+)\\.$")
                    .matcher(description);
            assertTrue(reference.find(), alarm.getKey() + ": " + description);
            assertTrue(description.length() <= 1024, alarm.getKey() + " description is longer than CloudWatch allows");
            // The alarm's construct id (the logical id without CDK's hash suffix) names its section of the docs.
            assertTrue(
                    alarm.getKey().startsWith(reference.group(1))
                            || alarm.getKey().replaceFirst("^(Api|Events)", "").startsWith(reference.group(1)),
                    alarm.getKey() + " refers to " + reference.group(1));
            assertTrue(
                    operations.contains("### " + reference.group(1)),
                    "docs/operations.md has no section ### " + reference.group(1));
        }
    }

    @Test
    void conflictRateAlarmIgnoresQuietPeriodsAndFiresAboveTenPercent() {
        String alarmId = synth.logicalId(id -> id.startsWith("ApiConflictRateAlarm"), "AWS::CloudWatch::Alarm");
        Map<String, Object> alarm = synth.properties(alarmId);
        assertEquals(0.1, alarm.get("Threshold"));
        assertEquals("GreaterThanThreshold", alarm.get("ComparisonOperator"));
        assertEquals("notBreaching", alarm.get("TreatMissingData"));
        Map<String, Map<?, ?>> metrics = new HashMap<>();
        for (Object metric : (List<?>) alarm.get("Metrics")) {
            metrics.put((String) ((Map<?, ?>) metric).get("Id"), (Map<?, ?>) metric);
        }
        assertEquals(
                Map.of(
                        "Expression",
                        "IF(requests >= 20, conflicts / requests, 0)",
                        "Id",
                        "expr_1",
                        "Label",
                        "Version conflict rate",
                        "ReturnData",
                        true),
                metrics.get("expr_1"));
        for (var entry :
                Map.of("conflicts", "VersionConflict", "requests", "Requests").entrySet()) {
            assertEquals(
                    Map.of(
                            "Metric",
                            Map.of(
                                    "Namespace",
                                    "AssessmentsApi",
                                    "MetricName",
                                    entry.getValue(),
                                    "Dimensions",
                                    List.of(Map.of("Name", "Service", "Value", "api"))),
                            "Period",
                            300,
                            "Stat",
                            "Sum"),
                    metrics.get(entry.getKey()).get("MetricStat"));
        }
    }

    @Test
    void durationAlarmsFireAtHalfOfEachFunctionsTimeout() {
        for (var expected : Map.of(AssessmentsStack.API_FUNCTION_ID, 5000, AssessmentsStack.EVENTS_FUNCTION_ID, 30000)
                .entrySet()) {
            synth.template()
                    .hasResourceProperties(
                            "AWS::CloudWatch::Alarm",
                            Map.of(
                                    "Namespace", "AWS/Lambda",
                                    "MetricName", "Duration",
                                    "ExtendedStatistic", "p99",
                                    "Period", 300,
                                    "Dimensions",
                                            List.of(Map.of(
                                                    "Name", "FunctionName", "Value", Map.of("Ref", expected.getKey()))),
                                    "Threshold", expected.getValue(),
                                    "ComparisonOperator", "GreaterThanThreshold",
                                    "TreatMissingData", "notBreaching"));
        }
    }

    @Test
    void api5xxRateAlarm() {
        // An HTTP API's 5xx metric is 0 or 1 per request, so its Average is the share of 5xx answers.
        synth.template()
                .hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Map.of(
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
                synth.template()
                        .hasResourceProperties(
                                "AWS::CloudWatch::Alarm",
                                Map.of(
                                        "Namespace",
                                        "AWS/Lambda",
                                        "MetricName",
                                        metric,
                                        "Statistic",
                                        "Sum",
                                        // All versions of the function, hence also the alias that the API or the queue
                                        // invokes.
                                        "Dimensions",
                                        List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", functionId))),
                                        "Threshold",
                                        1,
                                        "ComparisonOperator",
                                        "GreaterThanOrEqualToThreshold"));
            }
        }
    }

    @Test
    void deadLetterQueueDepthAlarmFiresOnTheFirstMessage() {
        String dlqId = synth.logicalId(
                id -> id.startsWith("EventsDeadLetterQueue") && !id.contains("Policy"), "AWS::SQS::Queue");
        String alarmId = synth.logicalId(id -> id.startsWith("EventsDeadLetterQueueAlarm"), "AWS::CloudWatch::Alarm");
        Map<String, Object> alarm = synth.properties(alarmId);
        assertEquals("AWS/SQS", alarm.get("Namespace"));
        assertEquals("ApproximateNumberOfMessagesVisible", alarm.get("MetricName"));
        assertEquals(
                List.of(Map.of("Name", "QueueName", "Value", Map.of("Fn::GetAtt", List.of(dlqId, "QueueName")))),
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
        String queueId =
                synth.logicalId(id -> id.startsWith("EventsQueue") && !id.contains("Policy"), "AWS::SQS::Queue");
        String alarmId = synth.logicalId(id -> id.startsWith("EventsBacklogAlarm"), "AWS::CloudWatch::Alarm");
        Map<String, Object> alarm = synth.properties(alarmId);
        assertEquals("AWS/SQS", alarm.get("Namespace"));
        assertEquals("ApproximateAgeOfOldestMessage", alarm.get("MetricName"));
        assertEquals(
                List.of(Map.of("Name", "QueueName", "Value", Map.of("Fn::GetAtt", List.of(queueId, "QueueName")))),
                alarm.get("Dimensions"));
        assertEquals("Maximum", alarm.get("Statistic"));
        assertEquals(900, alarm.get("Threshold"));
        assertEquals("GreaterThanThreshold", alarm.get("ComparisonOperator"));
    }

    @Test
    void outputsTheEventQueuesForPublishingAndRedrive() {
        String queueId =
                synth.logicalId(id -> id.startsWith("EventsQueue") && !id.contains("Policy"), "AWS::SQS::Queue");
        String dlqId = synth.logicalId(
                id -> id.startsWith("EventsDeadLetterQueue") && !id.contains("Policy"), "AWS::SQS::Queue");
        synth.template().hasOutput("EventsQueueUrl", Map.of("Value", Map.of("Ref", queueId)));
        synth.template().hasOutput("EventsQueueArn", Map.of("Value", Map.of("Fn::GetAtt", List.of(queueId, "Arn"))));
        synth.template()
                .hasOutput(
                        "EventsDeadLetterQueueName",
                        Map.of("Value", Map.of("Fn::GetAtt", List.of(dlqId, "QueueName"))));
        synth.template()
                .hasOutput("EventsDeadLetterQueueArn", Map.of("Value", Map.of("Fn::GetAtt", List.of(dlqId, "Arn"))));
    }

    @Test
    void outputsTheApiUrlAndTheTableName() {
        Map<String, Map<String, Object>> outputs = synth.template().findOutputs("*");
        assertEquals(
                java.util.Set.of(
                        "ApiUrl",
                        "TableName",
                        "EventsQueueUrl",
                        "EventsQueueArn",
                        "EventsDeadLetterQueueName",
                        "EventsDeadLetterQueueArn"),
                outputs.keySet());
        synth.template().hasOutput("TableName", Map.of("Value", Map.of("Ref", tableId)));
        synth.template()
                .hasOutput(
                        "ApiUrl",
                        Map.of(
                                "Value",
                                Map.of(
                                        "Fn::Join",
                                        List.of(
                                                "",
                                                Match.arrayWith(
                                                        List.of("https://", Map.of("Ref", apiId), ".execute-api."))))));
    }
}
