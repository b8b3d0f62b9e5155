package org.assessmentsapi.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class IamPolicyTemplateTest {

  private static Synth.Result synth;
  private static String roleId;
  private static String tableId;
  private static String logGroupId;

  @BeforeAll
  static void synthesize() {
    synth = Synth.production();
    roleId = synth.only("AWS::IAM::Role").getKey();
    tableId = synth.only("AWS::DynamoDB::Table").getKey();
    logGroupId = synth.logicalId(id -> id.startsWith("ApiLogs"), "AWS::Logs::LogGroup");
  }

  @Test
  void theFunctionRunsAsItsOwnRoleThatOnlyLambdaAssumes() {
    synth.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
        "Role", Map.of("Fn::GetAtt", List.of(roleId, "Arn"))));
    synth.template().hasResourceProperties("AWS::IAM::Role", Map.of(
        "AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of(
            "Action", "sts:AssumeRole",
            "Effect", "Allow",
            "Principal", Map.of("Service", "lambda.amazonaws.com")))),
        // No AWSLambdaBasicExecutionRole: it may write to any log group of the account.
        "ManagedPolicyArns", Match.absent(),
        "Policies", Match.absent()));
  }

  @Test
  void policyStatementsAreExactlyTheseThree() {
    synth.template().resourceCountIs("AWS::IAM::Policy", 1);
    synth.template().hasResourceProperties("AWS::IAM::Policy", Map.of(
        "Roles", List.of(Map.of("Ref", roleId)),
        "PolicyDocument", Map.of(
            "Version", "2012-10-17",
            "Statement", Match.exact(List.of(
                Map.of("Effect", "Allow",
                    "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                    "Resource", Map.of("Fn::GetAtt", List.of(logGroupId, "Arn"))),
                // X-Ray's put actions have no resource-level permissions (suppressed for cdk-nag with that reason).
                Map.of("Effect", "Allow",
                    "Action", List.of("xray:PutTelemetryRecords", "xray:PutTraceSegments"),
                    "Resource", "*"),
                Map.of("Effect", "Allow",
                    "Action", List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"),
                    "Resource", Map.of("Fn::GetAtt", List.of(tableId, "Arn"))))))));
  }

  @Test
  void noWildcardActionAndTheOnlyWildcardResourceIsXRays() {
    for (Map<String, Object> policy : synth.resources("AWS::IAM::Policy").values()) {
      Map<?, ?> document = (Map<?, ?>) ((Map<?, ?>) policy.get("Properties")).get("PolicyDocument");
      for (Object item : (List<?>) document.get("Statement")) {
        Map<?, ?> statement = (Map<?, ?>) item;
        List<?> actions = statement.get("Action") instanceof List<?> list ? list : List.of(statement.get("Action"));
        for (Object action : actions) {
          assertFalse(action.toString().contains("*"), "wildcard action " + action);
        }
        if ("*".equals(statement.get("Resource"))) {
          assertTrue(actions.stream().allMatch(a -> a.toString().startsWith("xray:")), statement.toString());
        }
        assertFalse(statement.toString().contains("/index/"), "no index ARNs: " + statement);
      }
    }
  }
}
