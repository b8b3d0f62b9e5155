package org.assessmentsapi.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @BeforeAll
    static void synthesize() {
        try {
            synth = Synth.synth("nag", Synth.PRODUCTION, true);
        } catch (AssertionError e) {
            synthFailure = e;
        }
    }

    @Test
    void noUnsuppressedError() {
        if (synthFailure != null) {
            throw synthFailure;
        }
        List<SynthesisMessage> errors =
                Annotations.fromStack(synth.stack()).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertEquals(
                List.of(),
                errors.stream()
                        .map(m -> m.getId() + ": " + m.getEntry().getData())
                        .toList());
    }

    @Test
    void noUnsuppressedWarning() {
        assertNotNull(synth, "synth failed, see noUnsuppressedError");
        List<SynthesisMessage> warnings =
                Annotations.fromStack(synth.stack()).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertEquals(
                List.of(),
                warnings.stream()
                        .map(m -> m.getId() + ": " + m.getEntry().getData())
                        .toList());
    }

    @Test
    void suppressionsAreExactlyTheReviewedOnesAndEachHasAWrittenReason() {
        assertNotNull(synth, "synth failed, see noUnsuppressedError");
        Set<String> ruleIds = new TreeSet<>();
        for (Object resource : ((Map<?, ?>) synth.template().toJSON().get("Resources")).values()) {
            Map<?, ?> metadata = (Map<?, ?>) ((Map<?, ?>) resource).get("Metadata");
            if (metadata == null || !(metadata.get("cdk_nag") instanceof Map<?, ?> nag)) {
                continue;
            }
            for (Object item : (List<?>) nag.get("rules_to_suppress")) {
                Map<?, ?> rule = (Map<?, ?>) item;
                ruleIds.add((String) rule.get("id"));
                String reason = (String) rule.get("reason");
                // A reason is a sentence that says why, not a placeholder.
                assertTrue(
                        reason != null && reason.trim().length() >= 40,
                        rule.get("id") + " has reason '" + reason + "'");
            }
        }
        // No SQS rule among them: both queues are encrypted and refuse plain HTTP (SQS2, SQS4), the queue has a
        // dead-letter queue and cdk-nag recognises the dead-letter queue as one (SQS3), see
        // sqsRulesAreMetNotSuppressed.
        assertEquals(new TreeSet<>(Set.of("AwsSolutions-APIG4", "AwsSolutions-IAM5", "AwsSolutions-SMG4")), ruleIds);
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
        List<String> report = java.nio.file.Files.readAllLines(
                synth.outdir().resolve("AwsSolutions-" + synth.stack().getStackName() + "-NagReport.csv"));
        for (String queue : List.of("EventsQueue", "EventsDeadLetterQueue")) {
            for (String rule : List.of("AwsSolutions-SQS2", "AwsSolutions-SQS3", "AwsSolutions-SQS4")) {
                String prefix = "\"" + rule + "\",\"" + synth.stack().getStackName() + "/" + queue + "/Resource\",";
                // The report has a line per evaluation, and the stack is synthesized more than once in this class.
                List<String> lines =
                        report.stream().filter(line -> line.startsWith(prefix)).toList();
                assertFalse(lines.isEmpty(), "not evaluated: " + prefix);
                for (String line : lines) {
                    assertTrue(line.startsWith(prefix + "\"Compliant\""), line);
                }
            }
        }
    }
}
