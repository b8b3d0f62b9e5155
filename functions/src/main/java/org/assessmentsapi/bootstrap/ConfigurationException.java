package org.assessmentsapi.bootstrap;

/** The function's configuration is missing or wrong: raised at start-up, never on a request. */
public final class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }
}
