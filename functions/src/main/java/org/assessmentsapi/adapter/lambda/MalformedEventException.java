package org.assessmentsapi.adapter.lambda;

/** The invocation's event is not the JSON its handler takes; the message says what is wrong, for the log and the answer. */
public final class MalformedEventException extends Exception {

    public MalformedEventException(String message) {
        super(message, null, false, false); // an expected outcome: no stack trace to fill
    }
}
