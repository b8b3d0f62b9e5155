package org.assessmentsapi.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every logical id of the stack, with its type. CloudFormation replaces a resource whose logical id changes: for
 * the table that loses every assessment, for a function, alias or API it is a replacement deploy. CDK derives the
 * ids from the construct tree, so moving a construct in the code renames its resources; this list makes such a
 * rename fail a test instead of a deploy. Update it only for a resource that is added or removed on purpose.
 */
class LogicalIdsTemplateTest {

    /** All resources but the functions' versions, whose ids carry a hash (see {@link #VERSIONS}). */
    private static final Map<String, String> RESOURCES = Map.ofEntries(
            Map.entry("AssessmentsTable6996196E", "AWS::DynamoDB::Table"),
            Map.entry("ApiFunction", "AWS::Lambda::Function"),
            Map.entry("ApiAlias58B2F8C6", "AWS::Lambda::Alias"),
            Map.entry("ApiLogsCD139AD4", "AWS::Logs::LogGroup"),
            Map.entry("ApiRoleDE7A08EC", "AWS::IAM::Role"),
            Map.entry("ApiRoleDefaultPolicyEAA3579A", "AWS::IAM::Policy"),
            Map.entry("ApiErrorsAlarm2C8D02B0", "AWS::CloudWatch::Alarm"),
            Map.entry("ApiThrottlesAlarm257E579A", "AWS::CloudWatch::Alarm"),
            Map.entry("ApiDurationAlarm0A1BDB14", "AWS::CloudWatch::Alarm"),
            Map.entry("HttpApiF5A9A8A7", "AWS::ApiGatewayV2::Api"),
            Map.entry("DefaultStageEE28A986", "AWS::ApiGatewayV2::Stage"),
            Map.entry("ApiAccessLogsE9DF007D", "AWS::Logs::LogGroup"),
            Map.entry("HttpApiPUTapiassessmentsid634C212D", "AWS::ApiGatewayV2::Route"),
            Map.entry("HttpApiGETapiassessmentsid8475AA32", "AWS::ApiGatewayV2::Route"),
            Map.entry("HttpApiPOSTapiassessments42593BE9", "AWS::ApiGatewayV2::Route"),
            Map.entry("HttpApiDELETEapiassessmentsid530C3B3C", "AWS::ApiGatewayV2::Route"),
            Map.entry("HttpApiGETapiassessmentsB766B144", "AWS::ApiGatewayV2::Route"),
            Map.entry("HttpApiHEADapiassessmentsid34F751FE", "AWS::ApiGatewayV2::Route"),
            Map.entry("HttpApiHEADapiassessmentsAE90A804", "AWS::ApiGatewayV2::Route"),
            Map.entry("HttpApiPUTapiassessmentsidApiIntegration6CFF4CFE", "AWS::ApiGatewayV2::Integration"),
            Map.entry("HttpApiPUTapiassessmentsidApiIntegrationPermission7714F8BD", "AWS::Lambda::Permission"),
            Map.entry("HttpApiGETapiassessmentsidApiIntegrationPermission51B65EC1", "AWS::Lambda::Permission"),
            Map.entry("HttpApiPOSTapiassessmentsApiIntegrationPermission170B1B27", "AWS::Lambda::Permission"),
            Map.entry("HttpApiDELETEapiassessmentsidApiIntegrationPermissionBA146834", "AWS::Lambda::Permission"),
            Map.entry("HttpApiGETapiassessmentsApiIntegrationPermission12ABF4D6", "AWS::Lambda::Permission"),
            Map.entry("HttpApiHEADapiassessmentsidApiIntegrationPermission32AF93E4", "AWS::Lambda::Permission"),
            Map.entry("HttpApiHEADapiassessmentsApiIntegrationPermission573240F0", "AWS::Lambda::Permission"),
            Map.entry("CursorKey255E8F8A", "AWS::SecretsManager::Secret"),
            Map.entry("Api5xxRateAlarm34344476", "AWS::CloudWatch::Alarm"),
            Map.entry("ApiConflictRateAlarmC44ADBC7", "AWS::CloudWatch::Alarm"),
            Map.entry("EventsFunction", "AWS::Lambda::Function"),
            Map.entry("EventsAlias5A76F402", "AWS::Lambda::Alias"),
            Map.entry("EventsLogsF2CB289A", "AWS::Logs::LogGroup"),
            Map.entry("EventsRoleE27DB035", "AWS::IAM::Role"),
            Map.entry("EventsRoleDefaultPolicy4E658C35", "AWS::IAM::Policy"),
            Map.entry("EventsErrorsAlarmC1A7A925", "AWS::CloudWatch::Alarm"),
            Map.entry("EventsThrottlesAlarm2FB5905E", "AWS::CloudWatch::Alarm"),
            Map.entry("EventsDurationAlarm01D9CDD8", "AWS::CloudWatch::Alarm"),
            Map.entry("EventsRule2FF27369", "AWS::Events::Rule"),
            Map.entry("EventsQueueB96EB0D2", "AWS::SQS::Queue"),
            Map.entry("EventsQueuePolicyF3E925EC", "AWS::SQS::QueuePolicy"),
            Map.entry("EventsDeadLetterQueue404572C7", "AWS::SQS::Queue"),
            Map.entry("EventsDeadLetterQueuePolicy6EBFE545", "AWS::SQS::QueuePolicy"),
            // The mapping's id embeds the queue's unique id, which includes the stack name (AssessmentsApi here).
            Map.entry(
                    "EventsAliasSqsEventSourceAssessmentsApiEventsQueue9564F3351B8B57F8",
                    "AWS::Lambda::EventSourceMapping"),
            Map.entry("EventsDeadLetterQueueAlarm71383838", "AWS::CloudWatch::Alarm"),
            Map.entry("EventsBacklogAlarmB2E5F18C", "AWS::CloudWatch::Alarm"),
            Map.entry("OperationsDashboard06307C07", "AWS::CloudWatch::Dashboard"));

    /**
     * The one version of each function: a stable prefix and a hash of the function's code and configuration, so a
     * new jar or setting publishes a new version (and SnapStart snapshot) by design. The prefix is what is pinned.
     */
    private static final Map<String, Pattern> VERSIONS = Map.of(
            "ApiFunction", Pattern.compile("ApiFunctionCurrentVersion478B78C8[0-9a-f]{32}"),
            "EventsFunction", Pattern.compile("EventsFunctionCurrentVersion4F803402[0-9a-f]{32}"));

    @Test
    void productionStackHasExactlyThesePinnedLogicalIds() {
        assertPinned(Synth.production(), RESOURCES);
    }

    @Test
    void everyOptionalSettingKeepsTheSameLogicalIds() {
        // Each context value that switches a branch of the stack code (CORS, a custom bus, source filter, no batching
        // window, an explicit JWKS URL, scopes, strict token type, the gateway's authorizer), under the default stack
        // name, on which the event source mapping's id depends. The authorizer adds itself and renames nothing, so
        // switching it on or off replaces no route.
        Map<String, String> pinned = new TreeMap<>(RESOURCES);
        pinned.put("HttpApiJwtAuthorizer14F16BDB", "AWS::ApiGatewayV2::Authorizer");
        Map<String, Object> options = Synth.with(
                GatewayAuthorizerTemplateTest.WITH_SCOPES,
                Map.of(
                        "jwtIssuer", "https://id.example.com/tenant",
                        "jwksUrl", "https://id.example.com/keys",
                        "corsAllowedOrigins", "https://app.example.com",
                        "eventBusName", "assessments",
                        "eventSources", "assessments.analysis-pipeline",
                        "eventsBatchingWindowSeconds", "0"));
        assertPinned(Synth.synth("logical-ids-options", options, false), pinned);
    }

    private static void assertPinned(Synth.Result synth, Map<String, String> pinned) {
        Map<String, String> actual = new TreeMap<>();
        Map<String, String> versions = new TreeMap<>();
        for (var resource : ((Map<?, ?>) synth.template().toJSON().get("Resources")).entrySet()) {
            String id = (String) resource.getKey();
            Map<?, ?> body = (Map<?, ?>) resource.getValue();
            String type = (String) body.get("Type");
            // AWS::CDK::Metadata is CDK's version report, which the CLI may add: it deploys nothing.
            if (type.equals("AWS::Lambda::Version")) {
                Map<?, ?> functionName = (Map<?, ?>) ((Map<?, ?>) body.get("Properties")).get("FunctionName");
                assertNull(versions.put((String) functionName.get("Ref"), id), "two versions of " + functionName);
            } else if (!type.equals("AWS::CDK::Metadata")) {
                actual.put(id, type);
            }
        }
        // Both directions, so a failure names just the renamed ids (a rename is one missing and one unexpected id).
        assertEquals(Map.of(), entriesNotIn(pinned, actual), "pinned logical ids missing (or of another type)");
        assertEquals(Map.of(), entriesNotIn(actual, pinned), "logical ids that are not pinned");
        assertEquals(VERSIONS.keySet(), versions.keySet(), "one version per function");
        versions.forEach((function, id) -> assertTrue(
                VERSIONS.get(function).matcher(id).matches(),
                "version of " + function + " is " + id + ", expected " + VERSIONS.get(function)));
    }

    private static Map<String, String> entriesNotIn(Map<String, String> entries, Map<String, String> others) {
        Map<String, String> missing = new TreeMap<>(entries);
        missing.entrySet().removeIf(entry -> entry.getValue().equals(others.get(entry.getKey())));
        return missing;
    }
}
