package org.assessmentsapi.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.assessmentsapi.infra.AssessmentsStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Event-driven updates (docs/events.md): EventBridge rule -> SQS queue with a dead-letter queue -> event source
 * mapping with ReportBatchItemFailures -> the events function's live alias. Production context, defaults.
 */
class EventsTemplateTest {

    private static Synth.Result synth;
    private static String tableId;
    private static String queueId;
    private static String dlqId;
    private static String ruleId;
    private static String aliasId;

    @BeforeAll
    static void synthesize() {
        synth = Synth.production();
        tableId = synth.only("AWS::DynamoDB::Table").getKey();
        queueId = synth.logicalId(id -> id.startsWith("EventsQueue"), "AWS::SQS::Queue");
        dlqId = synth.logicalId(id -> id.startsWith("EventsDeadLetterQueue"), "AWS::SQS::Queue");
        ruleId = synth.only("AWS::Events::Rule").getKey();
        aliasId = synth.logicalId(id -> id.startsWith("EventsAlias"), "AWS::Lambda::Alias");
    }

    private static Map<String, Object> arn(String id) {
        return Map.of("Fn::GetAtt", List.of(id, "Arn"));
    }

    @Test
    void eventsFunctionHasTheTableNameAndNoJwtSettings() {
        Map<String, Object> function = synth.properties(AssessmentsStack.EVENTS_FUNCTION_ID);
        assertEquals(AssessmentsStack.EVENTS_HANDLER, function.get("Handler"));
        assertEquals(
                Map.of(
                        "Variables",
                        Map.of(
                                "TABLE_NAME", Map.of("Ref", tableId),
                                "JAVA_TOOL_OPTIONS", "--enable-native-access=ALL-UNNAMED",
                                "METRICS_NAMESPACE", "AssessmentsApi")),
                function.get("Environment"));
    }

    @Test
    void eventsFunctionHasABatchTimeoutItsOwnLogGroupAndSnapStart() {
        Map<String, Object> function = synth.properties(AssessmentsStack.EVENTS_FUNCTION_ID);
        assertEquals(60, function.get("Timeout"));
        assertEquals(Map.of("ApplyOn", "PublishedVersions"), function.get("SnapStart"));
        synth.assertJsonLogsIntoARetainedGroup(function, "EventsLogs");
    }

    @Test
    void eventsLiveAliasPointsAtTheEventsFunctionsPublishedVersion() {
        String versionId = synth.logicalId(id -> id.startsWith("EventsFunctionCurrentVersion"), "AWS::Lambda::Version");
        assertEquals(
                Map.of("Ref", AssessmentsStack.EVENTS_FUNCTION_ID),
                synth.properties(versionId).get("FunctionName"));
        assertEquals(
                Map.of(
                        "Name", "live",
                        "FunctionName", Map.of("Ref", AssessmentsStack.EVENTS_FUNCTION_ID),
                        "FunctionVersion", Map.of("Fn::GetAtt", List.of(versionId, "Version"))),
                synth.properties(aliasId));
    }

    @Test
    void queueIsEncryptedByDefaultRetainsFourDaysAndRedrivesAfterThreeReceives() {
        Map<String, Object> queue = synth.resource(queueId);
        assertEquals(
                Map.of(
                        "SqsManagedSseEnabled",
                        true,
                        "MessageRetentionPeriod",
                        4 * 24 * 3600,
                        "VisibilityTimeout",
                        361,
                        "RedrivePolicy",
                        Map.of("deadLetterTargetArn", arn(dlqId), "maxReceiveCount", 3)),
                queue.get("Properties"));
        assertEquals("Retain", queue.get("DeletionPolicy"));
    }

    @Test
    void visibilityTimeoutIsAtLeastSixFunctionTimeoutsPlusTheBatchingWindow() {
        int timeout =
                ((Number) synth.properties(AssessmentsStack.EVENTS_FUNCTION_ID).get("Timeout")).intValue();
        String mappingId = synth.only("AWS::Lambda::EventSourceMapping").getKey();
        int window = ((Number) synth.properties(mappingId).get("MaximumBatchingWindowInSeconds")).intValue();
        int visibility = ((Number) synth.properties(queueId).get("VisibilityTimeout")).intValue();
        assertTrue(visibility >= 6 * timeout + window, visibility + " < 6 x " + timeout + " + " + window);
    }

    @Test
    void deadLetterQueueIsEncryptedAndRetainsFourteenDays() {
        Map<String, Object> dlq = synth.resource(dlqId);
        // Longer than the queue's 4 days: a moved message keeps its original enqueue time.
        assertEquals(
                Map.of("SqsManagedSseEnabled", true, "MessageRetentionPeriod", 14 * 24 * 3600), dlq.get("Properties"));
        assertEquals("Retain", dlq.get("DeletionPolicy"));
    }

    private static Map<String, Object> denyPlainHttp(String id) {
        return Map.of(
                "Effect",
                "Deny",
                "Principal",
                Map.of("AWS", "*"),
                "Action",
                "sqs:*",
                "Condition",
                Map.of("Bool", Map.of("aws:SecureTransport", "false")),
                "Resource",
                arn(id));
    }

    private static List<?> queuePolicyStatements(String id) {
        List<Map<?, ?>> policies = synth.resources("AWS::SQS::QueuePolicy").values().stream()
                .<Map<?, ?>>map(policy -> (Map<?, ?>) policy.get("Properties"))
                .filter(properties -> properties.get("Queues").equals(List.of(Map.of("Ref", id))))
                .toList();
        assertEquals(1, policies.size(), "policies of " + id);
        return (List<?>) ((Map<?, ?>) policies.get(0).get("PolicyDocument")).get("Statement");
    }

    @Test
    void onlyTheRuleMaySendToTheQueueAndOnlyOverTls() {
        synth.template().resourceCountIs("AWS::SQS::QueuePolicy", 2);
        assertEquals(
                List.of(
                        denyPlainHttp(queueId),
                        Map.of(
                                "Effect",
                                "Allow",
                                "Principal",
                                Map.of("Service", "events.amazonaws.com"),
                                "Action",
                                List.of("sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"),
                                "Condition",
                                Map.of("ArnEquals", Map.of("aws:SourceArn", arn(ruleId))),
                                "Resource",
                                arn(queueId))),
                queuePolicyStatements(queueId));
        // SQS moves messages there itself; EventBridge may send only the events this rule could not deliver.
        assertEquals(
                List.of(
                        denyPlainHttp(dlqId),
                        Map.of(
                                "Effect",
                                "Allow",
                                "Principal",
                                Map.of("Service", "events.amazonaws.com"),
                                "Action",
                                "sqs:SendMessage",
                                "Condition",
                                Map.of("ArnEquals", Map.of("aws:SourceArn", arn(ruleId))),
                                "Resource",
                                arn(dlqId),
                                "Sid",
                                "AllowEventRuleAssessmentsApiEventsRuleFAF7B043")),
                queuePolicyStatements(dlqId));
    }

    @Test
    void ruleOnTheDefaultBusMatchesTheDetailTypeFromAnySourceAndTargetsTheQueue() {
        Map<String, Object> rule = synth.properties(ruleId);
        assertFalse(rule.containsKey("EventBusName"), "the default bus: " + rule.get("EventBusName"));
        assertEquals(Map.of("detail-type", List.of("Assessment Update Requested")), rule.get("EventPattern"));
        assertEquals("ENABLED", rule.get("State"));
        // The whole event as the message body (no InputTransformer): the handler reads the envelope's id and detail.
        // Undeliverable events go to the dead-letter queue after EventBridge's retries, never dropped.
        assertEquals(
                List.of(Map.of(
                        "Arn",
                        arn(queueId),
                        "Id",
                        "Target0",
                        "DeadLetterConfig",
                        Map.of("Arn", arn(dlqId)),
                        "RetryPolicy",
                        Map.of("MaximumRetryAttempts", 185, "MaximumEventAgeInSeconds", 86400))),
                rule.get("Targets"));
    }

    @Test
    void eventSourceMappingFeedsTheLiveAliasInBatchesWithPartialFailures() {
        Map<?, ?> mapping = (Map<?, ?>)
                synth.only("AWS::Lambda::EventSourceMapping").getValue().get("Properties");
        assertEquals(arn(queueId), mapping.get("EventSourceArn"));
        assertEquals(10, mapping.get("BatchSize"));
        assertEquals(1, mapping.get("MaximumBatchingWindowInSeconds"));
        assertEquals(List.of("ReportBatchItemFailures"), mapping.get("FunctionResponseTypes"));
        assertEquals(Map.of("MaximumConcurrency", 5), mapping.get("ScalingConfig"));
        assertFalse(mapping.containsKey("Enabled") && !Boolean.TRUE.equals(mapping.get("Enabled")));
        // "<function name>:live", built from the alias: the SnapStart version, never $LATEST.
        assertEquals(
                Map.of(
                        "Fn::Join",
                        List.of(
                                "",
                                List.of(
                                        Map.of(
                                                "Fn::Select",
                                                List.of(6, Map.of("Fn::Split", List.of(":", Map.of("Ref", aliasId))))),
                                        ":live"))),
                mapping.get("FunctionName"));
    }

    @Test
    void nothingElseInvokesTheEventsFunction() {
        // Lambda permissions are the API's (one per route, on the API alias); the mapping needs none.
        String apiAliasId = synth.logicalId(id -> id.startsWith("ApiAlias"), "AWS::Lambda::Alias");
        for (Map<String, Object> permission :
                synth.resources("AWS::Lambda::Permission").values()) {
            assertEquals(Map.of("Ref", apiAliasId), ((Map<?, ?>) permission.get("Properties")).get("FunctionName"));
        }
    }
}
