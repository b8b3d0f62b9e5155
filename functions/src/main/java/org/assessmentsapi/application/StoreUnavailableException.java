package org.assessmentsapi.application;

/** The store cannot serve the request now (throttled, unreachable, timed out): the client may retry later. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
