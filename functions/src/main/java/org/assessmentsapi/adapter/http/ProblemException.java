package org.assessmentsapi.adapter.http;

/** Ends a request early with a client-error problem; thrown only inside the HTTP adapter. */
final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
