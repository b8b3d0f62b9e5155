package org.assessmentsapi.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.assessmentsapi.adapter.validation.RequestSchema;
import org.assessmentsapi.adapter.validation.RequestValidator;
import org.assessmentsapi.adapter.validation.StrictJson;
import org.assessmentsapi.adapter.validation.Validated;
import org.assessmentsapi.contract.OpenApiDocument;
import org.junit.jupiter.api.Test;

/**
 * The rules docs/openapi.yaml states as schema (not blank, no control characters, the version's bounds and
 * spellings; the decimal places as its {@code x-max-decimal-places}) say what the validator says: each value on the edge of a rule is accepted by
 * both or refused by both, so a generated client or a validator in front of the API knows the rules.
 */
class SchemaRulesAgreeWithTheValidatorTest {

    private static final String UPDATE_SCHEMA = "/components/schemas/UpdateAssessmentRequest";
    private static final String CREATE_SCHEMA = "/components/schemas/CreateAssessmentRequest";
    /** Decimals as BigDecimal, as the API reads them: a double would make 1e-400 a 0 that the schema accepts. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private final OpenApiDocument document = OpenApiDocument.get();
    private final RequestValidator validator = new RequestValidator();

    @Test
    void textRules() throws Exception {
        List<String> texts = List.of(
                "a",
                " a ",
                "\u00a0x",
                "\u200b",
                "\ufeff",
                "\uD83D\uDE00",
                " ",
                "\t",
                "\u00a0",
                "\u2007",
                "\u202f",
                "\u1680",
                "\u2000\u200a",
                "\u2028",
                "\u2029",
                "\u205f",
                "\u3000",
                "\u0085",
                "a\u0000b",
                "a\u001fb",
                "a\u007fb",
                "a\u009fb",
                "a\u00a0b",
                "a".repeat(200),
                "a".repeat(201),
                "\uD83D\uDE00".repeat(200),
                "\uD83D\uDE00".repeat(201));
        List<String> disagreements = new ArrayList<>();
        for (String text : texts) {
            String quoted = JSON.writeValueAsString(text);
            agree("{\"name\":" + quoted + "}", disagreements);
            agree("{\"companyType\":" + quoted + "}", disagreements);
            agreeOnCreate(
                    "{\"name\":\"n\",\"companyName\":" + quoted + ",\"country\":" + quoted
                            + ",\"intakeMode\":\"UPLOAD\"}",
                    disagreements);
        }
        assertEquals(List.of(), disagreements);
    }

    @Test
    void numberRules() throws Exception {
        List<String> disagreements = new ArrayList<>();
        for (String version : List.of(
                "1",
                "1.0",
                "1e0",
                "10E-1",
                "0.1e1",
                "9223372036854775807",
                "9223372036854775807.0",
                "0",
                "-1",
                "1.5",
                "1e-1",
                "9223372036854775808",
                "1e19",
                "1e400")) {
            agree("{\"progress\":1,\"version\":" + version + "}", disagreements);
        }
        // The decimal places are the document's x-max-decimal-places (not multipleOf: see its description).
        int maxPlaces = document.node("/components/schemas/Percentage/x-max-decimal-places")
                .asInt(-1);
        assertEquals(10, maxPlaces);
        for (String progress : List.of(
                "0",
                "100",
                "100.0",
                "1e2",
                "33.3333333333",
                "0.0000000001",
                "12.50",
                "-0.0",
                "33.33333333333",
                "0.00000000001",
                "100.0000000001",
                "-0.0000000001",
                "1e-400")) {
            String body = "{\"progress\":" + progress + "}";
            boolean code = validator.validateUpdate(StrictJson.read(body), RequestSchema.API_UPDATE)
                    instanceof Validated.Valid<?>;
            boolean documented =
                    document.validate(UPDATE_SCHEMA, JSON.readTree(body)).isEmpty()
                            && new BigDecimal(progress).stripTrailingZeros().scale() <= maxPlaces;
            if (code != documented) {
                disagreements.add(body + ": the validator " + (code ? "accepts" : "refuses") + ", the document "
                        + (documented ? "accepts" : "refuses"));
            }
        }
        assertEquals(List.of(), disagreements);
    }

    private void agree(String body, List<String> disagreements) throws Exception {
        boolean code =
                validator.validateUpdate(StrictJson.read(body), RequestSchema.API_UPDATE) instanceof Validated.Valid<?>;
        compare(body, code, UPDATE_SCHEMA, disagreements);
    }

    private void agreeOnCreate(String body, List<String> disagreements) throws Exception {
        boolean code = validator.validateCreate(StrictJson.read(body)) instanceof Validated.Valid<?>;
        compare(body, code, CREATE_SCHEMA, disagreements);
    }

    /** The document judges the same numbers the API reads. */
    private void compare(String body, boolean code, String schema, List<String> disagreements) throws Exception {
        JsonNode tree = JSON.readTree(body);
        boolean documented = document.validate(schema, tree).isEmpty();
        if (code != documented) {
            disagreements.add(body.replaceAll("\\p{Cntrl}", "?") + ": the validator " + (code ? "accepts" : "refuses")
                    + ", the document " + (documented ? "accepts" : "refuses"));
        }
    }
}
