package org.assessmentsapi.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** The AwsSolutions pack of cdk-nag, as the app applies it at every synth. */
class CdkNagTest {

    private static Synth.Result synth;
    /** An unsuppressed error fails the synth itself (cdk.json's annotationsInValidationReport flag). */
    private static AssertionError synthFailure;

    /** The same with API Gateway's JWT authorizer on every route (gatewayAuthorizer=true). */
    private static Synth.Result gatewaySynth;

    private static AssertionError gatewaySynthFailure;

    @BeforeAll
    static void synthesize() {
        try {
            synth = Synth.synth("nag", Synth.PRODUCTION, true);
        } catch (AssertionError e) {
            synthFailure = e;
        }
        try {
            gatewaySynth = Synth.synth("nag-gateway-authorizer", GatewayAuthorizerTemplateTest.WITH_SCOPES, true);
        } catch (AssertionError e) {
            gatewaySynthFailure = e;
        }
    }

    @Test
    void noUnsuppressedError() {
        assertNoFinding(synth, synthFailure);
    }

    @Test
    void noUnsuppressedErrorWithTheGatewayAuthorizer() {
        assertNoFinding(gatewaySynth, gatewaySynthFailure);
    }

    private static void assertNoFinding(Synth.Result synth, AssertionError synthFailure) {
        if (synthFailure != null) {
            throw synthFailure;
        }
        assertEquals(
                List.of(),
                lines(Annotations.fromStack(synth.stack()).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))));
    }

    private static List<String> lines(List<SynthesisMessage> messages) {
        return messages.stream()
                .map(m -> m.getId() + ": " + m.getEntry().getData())
                .toList();
    }

    @Test
    void noUnsuppressedWarning() {
        for (Synth.Result nagged : new Synth.Result[] {synth, gatewaySynth}) {
            assertNotNull(nagged, "synth failed, see noUnsuppressedError*");
            assertEquals(
                    List.of(),
                    lines(Annotations.fromStack(nagged.stack())
                            .findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))));
        }
    }

    @Test
    void suppressionsAreExactlyTheReviewedOnesAndEachHasAWrittenReason() {
        assertNotNull(synth, "synth failed, see noUnsuppressedError");
        // No SQS rule among them: both queues are encrypted and refuse plain HTTP (SQS2, SQS4), the queue has a
        // dead-letter queue and cdk-nag recognises the dead-letter queue as one (SQS3), see
        // sqsRulesAreMetNotSuppressed.
        assertEquals(
                new TreeSet<>(Set.of("AwsSolutions-APIG4", "AwsSolutions-IAM5", "AwsSolutions-SMG4")),
                suppressions(synth).keySet());
    }

    @Test
    void theNoAuthorizerSuppressionCoversTheHttpApiAndEveryRouteOnly() {
        assertNotNull(synth, "synth failed, see noUnsuppressedError");
        Set<String> suppressed = suppressions(synth).get("AwsSolutions-APIG4");
        for (String route : synth.resources("AWS::ApiGatewayV2::Route").keySet()) {
            assertTrue(suppressed.contains(route), route + " lacks the APIG4 suppression");
        }
        // The API's own constructs (API, routes, integration, permissions), nothing else of the stack.
        for (String id : suppressed) {
            assertTrue(id.startsWith("HttpApi"), id);
        }
    }

    @Test
    void withTheGatewayAuthorizerApig4IsMetNotSuppressed() {
        assertNotNull(gatewaySynth, "synth failed, see noUnsuppressedErrorWithTheGatewayAuthorizer");
        assertEquals(
                new TreeSet<>(Set.of("AwsSolutions-IAM5", "AwsSolutions-SMG4")),
                suppressions(gatewaySynth).keySet());
    }

    /** Rule id to the logical ids that suppress it; asserts that each suppression has a written reason. */
    private static Map<String, Set<String>> suppressions(Synth.Result synth) {
        Map<String, Set<String>> suppressions = new TreeMap<>();
        for (var resource : ((Map<?, ?>) synth.template().toJSON().get("Resources")).entrySet()) {
            Map<?, ?> metadata = (Map<?, ?>) ((Map<?, ?>) resource.getValue()).get("Metadata");
            if (metadata == null || !(metadata.get("cdk_nag") instanceof Map<?, ?> nag)) {
                continue;
            }
            for (Object item : (List<?>) nag.get("rules_to_suppress")) {
                Map<?, ?> rule = (Map<?, ?>) item;
                suppressions
                        .computeIfAbsent((String) rule.get("id"), id -> new TreeSet<>())
                        .add((String) resource.getKey());
                String reason = (String) rule.get("reason");
                // A reason is a sentence that says why, not a placeholder.
                assertTrue(
                        reason != null && reason.trim().length() >= 40,
                        rule.get("id") + " has reason '" + reason + "'");
            }
        }
        return suppressions;
    }

    @Test
    void theWildcardSuppressionCoversOnlyTheWildcardResource() {
        assertNotNull(synth, "synth failed, see noUnsuppressedError");
        Map<String, Map<String, Object>> policies = synth.resources("AWS::IAM::Policy");
        assertEquals(2, policies.size(), "one policy per function role");
        for (var policy : policies.entrySet()) {
            Map<?, ?> nag = (Map<?, ?>) ((Map<?, ?>) policy.getValue().get("Metadata")).get("cdk_nag");
            List<?> rules = (List<?>) nag.get("rules_to_suppress");
            assertEquals(1, rules.size(), policy.getKey());
            Map<?, ?> rule = (Map<?, ?>) rules.get(0);
            assertEquals("AwsSolutions-IAM5", rule.get("id"));
            assertEquals(List.of("Resource::*"), rule.get("applies_to"), "suppression of " + policy.getKey());
        }
    }

    @Test
    void sqsRulesAreMetNotSuppressed() throws java.io.IOException {
        assertNotNull(synth, "synth failed, see noUnsuppressedError");
        for (String queue : List.of("EventsQueue", "EventsDeadLetterQueue")) {
            for (String rule : List.of("AwsSolutions-SQS2", "AwsSolutions-SQS3", "AwsSolutions-SQS4")) {
                assertCompliant(synth, rule, queue);
            }
        }
    }

    @Test
    void withTheGatewayAuthorizerEveryRouteMeetsApig4() throws java.io.IOException {
        assertNotNull(gatewaySynth, "synth failed, see noUnsuppressedErrorWithTheGatewayAuthorizer");
        for (String routeKey : HttpApiTemplateTest.ROUTE_KEYS) {
            // The construct path of a route: HttpApi/GET--api--assessments--{id}.
            assertCompliant(
                    gatewaySynth,
                    "AwsSolutions-APIG4",
                    "HttpApi/" + routeKey.replace(" ", "").replace("/", "--"));
        }
    }

    /** The nag report says that {@code rule} was evaluated on {@code construct} and met (not suppressed). */
    private static void assertCompliant(Synth.Result synth, String rule, String construct) throws java.io.IOException {
        List<String> report = java.nio.file.Files.readAllLines(
                synth.outdir().resolve("AwsSolutions-" + synth.stack().getStackName() + "-NagReport.csv"));
        String prefix = "\"" + rule + "\",\"" + synth.stack().getStackName() + "/" + construct + "/Resource\",";
        // The report has a line per evaluation, and the stack is synthesized more than once in this class.
        List<String> lines =
                report.stream().filter(line -> line.startsWith(prefix)).toList();
        assertFalse(lines.isEmpty(), "not evaluated: " + prefix);
        for (String line : lines) {
            assertTrue(line.startsWith(prefix + "\"Compliant\""), line);
        }
    }
}
