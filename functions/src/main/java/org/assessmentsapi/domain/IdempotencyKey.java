package org.assessmentsapi.domain;

import java.util.Objects;

/**
 * A client's {@code Idempotency-Key} (IETF httpapi draft): an opaque string, already checked by the validation,
 * that makes retries of one creation safe. It is only meaningful together with the user who sent it.
 */
public record IdempotencyKey(String value) {

    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
    }
}
