package org.assessmentsapi.adapter.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSetParseException;

/**
 * The issuer's keys cannot be had because of the configuration, not an outage: the discovery document or the key
 * set answers a client error (404, 401...), is not JSON, is not what it should be, or names another issuer.
 * Retrying does not help; the message says what to fix, naming the variable.
 */
final class KeysMisconfiguredException extends KeySourceException {

    KeysMisconfiguredException(String message) {
        super(message);
    }

    /**
     * {@code failure} of fetching the key set at {@code where} (e.g. "the JWKS at https://..."), as a configuration
     * error when it is one, else unchanged (an outage: connect refused, timeout, a 5xx, 408, 429).
     */
    static KeySourceException classify(String where, String fix, KeySourceException failure) {
        if (failure instanceof KeysMisconfiguredException) {
            return failure;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JWKSetParseException) {
                return new KeysMisconfiguredException(
                        where + " is not a JSON Web Key Set (" + cause.getMessage() + "); " + fix);
            }
            if (cause instanceof StatusCheckingRetriever.ClientErrorAnswer answer) {
                return new KeysMisconfiguredException(where + " answers HTTP " + answer.status() + "; " + fix);
            }
        }
        return failure;
    }
}
