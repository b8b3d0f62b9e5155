package org.assessmentsapi.adapter.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Canonical UUIDs of any case are accepted and stored lower-case; nothing else is an id. */
class AssessmentIdsTest {

    @Test
    void canonicalUuidsOfAnyCaseAreNormalisedToLowerCase() {
        assertEquals(Optional.of(AssessmentIds.EXAMPLE), AssessmentIds.normalize(AssessmentIds.EXAMPLE));
        assertEquals(
                Optional.of(AssessmentIds.EXAMPLE),
                AssessmentIds.normalize(AssessmentIds.EXAMPLE.toUpperCase(Locale.ROOT)));
        assertEquals(
                Optional.of("00000000-0000-4000-8000-000000000000"),
                AssessmentIds.normalize("00000000-0000-4000-8000-000000000000"));
    }

    @Test
    void anythingElseIsNoId() {
        String id = AssessmentIds.EXAMPLE;
        for (String other : new String[] {
            "",
            id + "0",
            id.substring(1),
            id.replace('-', '_'),
            id.replaceFirst("-", ""),
            id.replace('f', 'g'),
            " " + id,
            id + "\n",
            id.replace('3', '\u0663'),
            "3f1c2b9e8a4d4c1e9b7a2d5e6f7a8b9c",
            "{" + id + "}"
        }) {
            assertEquals(Optional.empty(), AssessmentIds.normalize(other), other);
        }
        assertEquals(Optional.empty(), AssessmentIds.normalize(null));
    }
}
