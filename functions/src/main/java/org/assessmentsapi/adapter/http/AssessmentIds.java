package org.assessmentsapi.adapter.http;

/** The id in the path of an item route: a UUID (see the validation package's rule), else a 400 problem. */
final class AssessmentIds {

    private AssessmentIds() {
    }

    static String require(String candidate) {
        return org.assessmentsapi.adapter.validation.AssessmentIds.normalize(candidate).orElseThrow(
                () -> new ProblemException(Problem.of(ProblemType.INVALID_ID,
                        "The assessment id in the path must be a UUID such as "
                                + org.assessmentsapi.adapter.validation.AssessmentIds.EXAMPLE + ".")));
    }
}
