package org.assessmentsapi.adapter.validation;

import java.util.Locale;
import java.util.Optional;

/**
 * The format of assessment ids, for the API path and the events alike: UUIDs in canonical form, stored
 * lower-case, so any case is accepted and normalised.
 */
public final class AssessmentIds {

    public static final String EXAMPLE = "3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f7a8b9c";

    /** 8-4-4-4-12 hex digits: the regex {@code [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-...-[0-9a-fA-F]{12}}, as a loop (every item request checks one). */
    private static final int LENGTH = 36;

    private AssessmentIds() {
    }

    /** The id as stored, or empty when {@code candidate} is not a UUID. */
    public static Optional<String> normalize(String candidate) {
        return candidate != null && isUuid(candidate)
                ? Optional.of(candidate.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static boolean isUuid(String candidate) {
        if (candidate.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = candidate.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHexDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
