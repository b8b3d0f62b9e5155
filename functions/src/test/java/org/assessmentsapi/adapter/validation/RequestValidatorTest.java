package org.assessmentsapi.adapter.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;
import org.assessmentsapi.domain.AssessmentStatus;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.IntakeMode;
import org.assessmentsapi.domain.NewAssessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestValidatorTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private final RequestValidator validator = new RequestValidator();

    @Test
    void validUpdateKeepsOnlyTheProvidedFields() throws Exception {
        AssessmentUpdate update = valid(validator.validateUpdate(
                json("{\"status\":\"COMPLETE\",\"progress\":100,\"version\":7}"), RequestSchema.API_UPDATE));
        assertEquals(AssessmentStatus.COMPLETE, update.changes().status());
        assertEquals(new BigDecimal("100"), update.changes().progress());
        assertEquals(OptionalLong.of(7), update.expectedVersion());
        assertEquals(null, update.changes().name());
        assertEquals(null, update.changes().companyType());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\":\"\"}|name|must be 1 to 200 characters long",
                "{\"name\":\"   \"}|name|must not be blank",
                "{\"name\":42}|name|must be a string",
                "{\"name\":[\"a\"]}|name|must be a string",
                "{\"name\":\"a\\u0000b\"}|name|must not contain control characters",
                "{\"name\":\"a\\ud800b\"}|name|must be valid Unicode text (no unpaired surrogates)",
                "{\"companyType\":true}|companyType|must be a string",
                "{\"status\":\"draft\"}|status|must be one of DRAFT, ANALYZING, ACTION_REQUIRED, COMPLETE",
                "{\"progress\":-0.5}|progress|must be a number from 0 to 100",
                "{\"progress\":1e400}|progress|must be a number from 0 to 100",
                "{\"progress\":1e-400}|progress|must have at most 10 decimal places",
                "{\"progress\":\"50\"}|progress|must be a number",
                "{\"name\":\"\\u00a0\\u2007\\u202f\"}|name|must not be blank",
                "{\"companyName\":\"\u3000\u2028\u205f \"}|companyName|must not be blank",
                "{\"version\":1.5}|version|must be an integer from 1 to 9223372036854775807",
                "{\"version\":0}|version|must be an integer from 1 to 9223372036854775807",
                "{\"version\":0.0}|version|must be an integer from 1 to 9223372036854775807",
                "{\"version\":1e-1}|version|must be an integer from 1 to 9223372036854775807",
                "{\"version\":9223372036854775808}|version|must be an integer from 1 to 9223372036854775807",
                "{\"version\":99999999999999999999999}|version|must be an integer from 1 to 9223372036854775807",
                "{\"version\":1e400}|version|must be an integer from 1 to 9223372036854775807",
                "{\"overallRiskScore\":5}|overallRiskScore|cannot be set by this request",
                "{\"nmae\":\"typo\"}|nmae|is not a known field",
            })
    void eachBadFieldIsReportedWithItsMessage(String body, String field, String message) throws Exception {
        var result = validator.validateUpdate(json(body), RequestSchema.API_UPDATE);
        assertEquals(
                List.of(new FieldError(field, message)),
                assertInstanceOf(Validated.Invalid.class, result).errors());
    }

    @Test
    void boundaryLengthsAndValuesAreAccepted() throws Exception {
        String body = "{\"name\":\"" + "n".repeat(200) + "\",\"companyName\":\"c\",\"companyType\":\"" + "t".repeat(100)
                + "\",\"progress\":0,\"version\":1}";
        assertInstanceOf(Validated.Valid.class, validator.validateUpdate(json(body), RequestSchema.API_UPDATE));
        assertInstanceOf(
                Validated.Invalid.class,
                validator.validateUpdate(
                        json("{\"companyType\":\"" + "t".repeat(101) + "\"}"), RequestSchema.API_UPDATE));
    }

    @Test
    void aVersionIsAnyIntegralJsonNumberUpToTheLargestLong() throws Exception {
        for (String spelling : List.of("3", "3.0", "3e0", "3E+0", "30e-1", "0.3e1", "3.000")) {
            assertEquals(
                    3L,
                    valid(validator.validateUpdate(
                                    json("{\"progress\":1,\"version\":" + spelling + "}"), RequestSchema.API_UPDATE))
                            .expectedVersion()
                            .getAsLong(),
                    spelling);
        }
        assertEquals(
                Long.MAX_VALUE,
                valid(validator.validateUpdate(
                                json("{\"progress\":1,\"version\":9223372036854775807}"), RequestSchema.API_UPDATE))
                        .expectedVersion()
                        .getAsLong());
    }

    @Test
    void notBlankMeansNotOnlyUnicodeWhiteSpaceWhichJavasIsBlankMisses() throws Exception {
        for (String blank : List.of("\u00a0", "\u2007", "\u202f", "\u1680", "\u2000\u200a", "\u2028\u2029", "\u3000")) {
            assertTrue(blank.chars().noneMatch(Character::isISOControl));
            var invalid = assertInstanceOf(
                    Validated.Invalid.class,
                    validator.validateUpdate(
                            json("{\"name\":" + JSON.writeValueAsString(blank) + "}"), RequestSchema.API_UPDATE));
            assertEquals(List.of(new FieldError("name", "must not be blank")), invalid.errors());
        }
        // Not White_Space, though they look empty: a name of them is not blank (U+200B, U+FEFF are format characters).
        for (String visible : List.of("\u200b", "\ufeff", "a\u00a0")) {
            assertInstanceOf(
                    Validated.Valid.class,
                    validator.validateUpdate(
                            json("{\"name\":" + JSON.writeValueAsString(visible) + "}"), RequestSchema.API_UPDATE));
        }
    }

    @Test
    void numbersAreNormalisedToOneSpelling() throws Exception {
        assertEquals(
                "50",
                valid(validator.validateUpdate(json("{\"progress\":5E+1}"), RequestSchema.API_UPDATE))
                        .changes()
                        .progress()
                        .toPlainString());
        assertEquals(
                "12.5",
                valid(validator.validateUpdate(json("{\"progress\":12.50}"), RequestSchema.API_UPDATE))
                        .changes()
                        .progress()
                        .toPlainString());
        assertEquals(
                "0",
                valid(validator.validateUpdate(json("{\"progress\":-0.0}"), RequestSchema.API_UPDATE))
                        .changes()
                        .progress()
                        .toPlainString());
    }

    @Test
    void serviceUpdatesMaySetTheRiskResults() throws Exception {
        AssessmentUpdate update = valid(validator.validateUpdate(
                json("{\"overallRiskScore\":72.5,\"overallRiskLevel\":\"HIGH\"}"), RequestSchema.SERVICE_UPDATE));
        assertEquals(new BigDecimal("72.5"), update.changes().overallRiskScore());
    }

    @Test
    void createRequiresItsFieldsAndRefusesServerOwnedOnes() throws Exception {
        NewAssessment created = valid(validator.validateCreate(
                json("{\"name\":\"n\",\"companyName\":\"c\",\"intakeMode\":\"MANUAL_ENTRY\"}")));
        assertEquals(IntakeMode.MANUAL_ENTRY, created.intakeMode());
        var invalid = assertInstanceOf(
                Validated.Invalid.class, validator.validateCreate(json("{\"id\":\"x\",\"version\":2}")));
        assertEquals(
                List.of(
                        new FieldError("id", "cannot be set by this request"),
                        new FieldError("version", "cannot be set by this request"),
                        new FieldError("name", "is required"),
                        new FieldError("companyName", "is required"),
                        new FieldError("intakeMode", "is required")),
                invalid.errors());
    }

    @Test
    void nonObjectBodiesAreRefused() throws Exception {
        for (String body : List.of("[]", "\"text\"", "42", "null")) {
            var invalid = assertInstanceOf(
                    Validated.Invalid.class, validator.validateUpdate(json(body), RequestSchema.API_UPDATE));
            assertTrue(((FieldError) invalid.errors().get(0)).message().contains("JSON object"));
        }
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static <T> T valid(Validated<T> result) {
        @SuppressWarnings("unchecked")
        Validated.Valid<T> valid = assertInstanceOf(Validated.Valid.class, result);
        return valid.value();
    }
}
