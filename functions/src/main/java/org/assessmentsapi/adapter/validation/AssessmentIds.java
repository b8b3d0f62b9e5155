package org.assessmentsapi.adapter.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The format of assessment ids, for the API path and the events alike: UUIDs in canonical form, stored
 * lower-case, so any case is accepted and normalised.
 */
public final class AssessmentIds {

    public static final String EXAMPLE = "3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f7a8b9c";

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private AssessmentIds() {}

    /** The id as stored, or empty when {@code candidate} is not a UUID. */
    public static Optional<String> normalize(String candidate) {
        return candidate != null && UUID.matcher(candidate).matches()
                ? Optional.of(candidate.toLowerCase(Locale.ROOT))
                : Optional.empty();
    }
}
