package org.assessmentsapi.local;

/** The local API could not start; the message is one line meant for the person who ran it. */
public final class LocalStartException extends RuntimeException {

    public LocalStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public LocalStartException(String message) {
        super(message);
    }
}
