package org.assessmentsapi.adapter.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The UUID check, written as a loop, accepts exactly what its former regex accepted. */
class AssessmentIdsTest {

    private static final Pattern REGEX = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String ALPHABET = "0123456789abcdefABCDEFgG-- \n\u0660";

    @Test
    void acceptsExactlyWhatTheRegexAccepted() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            char[] id = AssessmentIds.EXAMPLE.toCharArray();
            for (int n = random.nextInt(3); n >= 0; n--) {
                id[random.nextInt(id.length)] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            String candidate = random.nextInt(20) == 0 ? new String(id, 0, random.nextInt(id.length)) : new String(id);
            Optional<String> expected = REGEX.matcher(candidate).matches()
                    ? Optional.of(candidate.toLowerCase(Locale.ROOT)) : Optional.empty();
            assertEquals(expected, AssessmentIds.normalize(candidate), candidate);
        }
        assertEquals(Optional.of(AssessmentIds.EXAMPLE), AssessmentIds.normalize(AssessmentIds.EXAMPLE.toUpperCase(Locale.ROOT)));
        assertEquals(Optional.empty(), AssessmentIds.normalize(AssessmentIds.EXAMPLE + "0"));
        assertEquals(Optional.empty(), AssessmentIds.normalize(null));
    }
}
