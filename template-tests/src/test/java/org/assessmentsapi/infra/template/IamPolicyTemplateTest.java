package org.assessmentsapi.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.assessmentsapi.infra.AssessmentsStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** Each function runs as its own role, with exactly the statements it needs and nothing of the other's. */
class IamPolicyTemplateTest {

    private static Synth.Result synth;
    private static String tableId;

    @BeforeAll
    static void synthesize() {
        synth = Synth.production();
        tableId = synth.only("AWS::DynamoDB::Table").getKey();
    }

    private static String roleId(String prefix) {
        return synth.logicalId(id -> id.startsWith(prefix + "Role") && !id.contains("DefaultPolicy"), "AWS::IAM::Role");
    }

    private static String logGroupId(String prefix) {
        return synth.logicalId(id -> id.startsWith(prefix + "Logs"), "AWS::Logs::LogGroup");
    }

    /** The statements of the one policy attached to the role. */
    private static List<?> statementsOf(String roleId) {
        List<Map<?, ?>> policies = synth.resources("AWS::IAM::Policy").values().stream()
                .<Map<?, ?>>map(policy -> (Map<?, ?>) policy.get("Properties"))
                .filter(properties -> properties.get("Roles").equals(List.of(Map.of("Ref", roleId))))
                .toList();
        assertEquals(1, policies.size(), "policies of " + roleId);
        Map<?, ?> document = (Map<?, ?>) policies.get(0).get("PolicyDocument");
        assertEquals("2012-10-17", document.get("Version"));
        return (List<?>) document.get("Statement");
    }

    private static Map<String, Object> logsStatement(String prefix) {
        return Map.of(
                "Effect",
                "Allow",
                "Action",
                List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                "Resource",
                Map.of("Fn::GetAtt", List.of(logGroupId(prefix), "Arn")));
    }

    /** X-Ray's put actions have no resource-level permissions (suppressed for cdk-nag with that reason). */
    private static final Map<String, Object> XRAY_STATEMENT = Map.of(
            "Effect", "Allow", "Action", List.of("xray:PutTelemetryRecords", "xray:PutTraceSegments"), "Resource", "*");

    @Test
    void twoRolesOnePolicyEach() {
        synth.template().resourceCountIs("AWS::IAM::Role", 2);
        synth.template().resourceCountIs("AWS::IAM::Policy", 2);
    }

    @Test
    void eachFunctionRunsAsItsOwnRoleThatOnlyLambdaAssumes() {
        for (String prefix : List.of("Api", "Events")) {
            String roleId = roleId(prefix);
            String functionId =
                    prefix.equals("Api") ? AssessmentsStack.API_FUNCTION_ID : AssessmentsStack.EVENTS_FUNCTION_ID;
            assertEquals(
                    Map.of("Fn::GetAtt", List.of(roleId, "Arn")),
                    synth.properties(functionId).get("Role"));
        }
        synth.template()
                .allResourcesProperties(
                        "AWS::IAM::Role",
                        Map.of(
                                "AssumeRolePolicyDocument",
                                        Map.of(
                                                "Statement",
                                                List.of(Map.of(
                                                        "Action", "sts:AssumeRole",
                                                        "Effect", "Allow",
                                                        "Principal", Map.of("Service", "lambda.amazonaws.com")))),
                                // No AWSLambdaBasicExecutionRole: it may write to any log group of the account.
                                "ManagedPolicyArns", Match.absent(),
                                "Policies", Match.absent()));
    }

    @Test
    void apiPolicyStatementsAreExactlyTheseFour() {
        assertEquals(
                List.of(
                        logsStatement("Api"),
                        XRAY_STATEMENT,
                        Map.of(
                                "Effect",
                                "Allow",
                                "Action",
                                List.of(
                                        "dynamodb:DeleteItem",
                                        "dynamodb:GetItem",
                                        "dynamodb:PutItem",
                                        "dynamodb:UpdateItem"),
                                "Resource",
                                Map.of("Fn::GetAtt", List.of(tableId, "Arn"))),
                        // The list: Query on the owner index only (no Scan, nothing on any other index).
                        Map.of(
                                "Effect",
                                "Allow",
                                "Action",
                                "dynamodb:Query",
                                "Resource",
                                Map.of(
                                        "Fn::Join",
                                        List.of(
                                                "",
                                                List.of(
                                                        Map.of("Fn::GetAtt", List.of(tableId, "Arn")),
                                                        "/index/byOwnerUpdatedAt"))))),
                statementsOf(roleId("Api")));
    }

    @Test
    void eventsPolicyStatementsAreExactlyTheseFour() {
        String queueId = synth.logicalId(
                id -> id.startsWith("EventsQueue") && !id.startsWith("EventsQueuePolicy"), "AWS::SQS::Queue");
        assertEquals(
                List.of(
                        logsStatement("Events"),
                        XRAY_STATEMENT,
                        // No PutItem: an event only updates an existing assessment; GetItem only when the condition
                        // fails.
                        Map.of(
                                "Effect",
                                "Allow",
                                "Action",
                                List.of("dynamodb:GetItem", "dynamodb:UpdateItem"),
                                "Resource",
                                Map.of("Fn::GetAtt", List.of(tableId, "Arn"))),
                        // What SqsEventSource grants for the event source mapping: on the queue only, not on the
                        // dead-letter queue.
                        Map.of(
                                "Effect",
                                "Allow",
                                "Action",
                                List.of(
                                        "sqs:ChangeMessageVisibility",
                                        "sqs:DeleteMessage",
                                        "sqs:GetQueueAttributes",
                                        "sqs:GetQueueUrl",
                                        "sqs:ReceiveMessage"),
                                "Resource",
                                Map.of("Fn::GetAtt", List.of(queueId, "Arn")))),
                statementsOf(roleId("Events")));
    }

    @Test
    void noWildcardActionAndTheOnlyWildcardResourceIsXRays() {
        for (Map<String, Object> policy : synth.resources("AWS::IAM::Policy").values()) {
            Map<?, ?> document = (Map<?, ?>) ((Map<?, ?>) policy.get("Properties")).get("PolicyDocument");
            for (Object item : (List<?>) document.get("Statement")) {
                Map<?, ?> statement = (Map<?, ?>) item;
                List<?> actions =
                        statement.get("Action") instanceof List<?> list ? list : List.of(statement.get("Action"));
                for (Object action : actions) {
                    assertFalse(action.toString().contains("*"), "wildcard action " + action);
                }
                if ("*".equals(statement.get("Resource"))) {
                    assertTrue(actions.stream().allMatch(a -> a.toString().startsWith("xray:")), statement.toString());
                }
                if (statement.toString().contains("/index/")) {
                    assertEquals(
                            "dynamodb:Query",
                            statement.get("Action"),
                            "only the list's Query reaches an index: " + statement);
                }
            }
        }
    }
}
