package org.assessmentsapi.adapter.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assessmentsapi.support.EmfSpecification;
import org.junit.jupiter.api.Test;

/** The checker the EMF tests rely on finds each kind of broken document (else those tests would prove nothing). */
class EmfSpecificationTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String TIMESTAMP = Long.toString(NOW.toEpochMilli());
    private static final String VALID = "{\"_aws\":{\"Timestamp\":" + TIMESTAMP + ",\"CloudWatchMetrics\":[{"
            + "\"Namespace\":\"AssessmentsApi\",\"Dimensions\":[[\"Service\"]],"
            + "\"Metrics\":[{\"Name\":\"Applied\",\"Unit\":\"Count\"}]}]},\"Service\":\"events\",\"Applied\":2}";

    @Test
    void aValidDocumentPasses() {
        assertEquals(List.of(), EmfSpecification.violations(VALID, NOW));
        assertTrue(EmfSpecification.isEmf(VALID));
        assertFalse(EmfSpecification.isEmf("{\"level\":\"INFO\",\"message\":\"x\"}"));
    }

    @Test
    void eachBrokenRuleIsFound() {
        Map<String, String> broken = Map.ofEntries(
                Map.entry("not json", "not json"),
                Map.entry("no _aws", "{\"Applied\":2}"),
                Map.entry("timestamp as text", VALID.replace(TIMESTAMP, "\"" + TIMESTAMP + "\"")),
                Map.entry(
                        "timestamp a month old",
                        VALID.replace(
                                TIMESTAMP,
                                Long.toString(NOW.minusSeconds(31L * 24 * 3600).toEpochMilli()))),
                Map.entry("no directives", VALID.replaceFirst("\\[\\{\"Namespace.*?\\}\\]\\}\\]", "[]")),
                Map.entry("AWS namespace", VALID.replace("AssessmentsApi", "AWS/Lambda")),
                Map.entry("dimension not a member", VALID.replace("\"Service\":\"events\",", "")),
                Map.entry("dimension not a string", VALID.replace("\"Service\":\"events\"", "\"Service\":1")),
                Map.entry("empty dimension set", VALID.replace("[[\"Service\"]]", "[[]]")),
                Map.entry("metric not a member", VALID.replace(",\"Applied\":2", "")),
                Map.entry("metric not a number", VALID.replace("\"Applied\":2", "\"Applied\":\"2\"")),
                Map.entry("unknown unit", VALID.replace("\"Count\"", "\"Things\"")),
                Map.entry("no unit", VALID.replace(",\"Unit\":\"Count\"", "")),
                Map.entry("no metrics", VALID.replace("[{\"Name\":\"Applied\",\"Unit\":\"Count\"}]", "[]")),
                Map.entry("too many values", VALID.replace("\"Applied\":2", "\"Applied\":[" + "1,".repeat(100) + "1]")),
                Map.entry("two lines", VALID.replace(",\"Service\"", ",\n\"Service\"")));
        broken.forEach((rule, line) ->
                assertFalse(EmfSpecification.violations(line, NOW).isEmpty(), rule + " passed: " + line));
    }
}
