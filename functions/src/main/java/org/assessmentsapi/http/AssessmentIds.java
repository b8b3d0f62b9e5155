package org.assessmentsapi.http;

import java.util.Locale;
import java.util.regex.Pattern;

/** Assessment ids are UUIDs in canonical form; stored lower-case, so any case is accepted and normalised. */
final class AssessmentIds {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private AssessmentIds() {
    }

    static String require(String candidate) {
        if (candidate == null || !UUID.matcher(candidate).matches()) {
            throw new ProblemException(Problem.of(ProblemType.INVALID_ID,
                    "The assessment id in the path must be a UUID such as 3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f7a8b9c."));
        }
        return candidate.toLowerCase(Locale.ROOT);
    }
}
