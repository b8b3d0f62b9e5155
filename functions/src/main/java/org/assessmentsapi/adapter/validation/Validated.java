package org.assessmentsapi.adapter.validation;

import java.util.List;

/** The outcome of validating a request: a typed value, or every problem found (never just the first). */
public sealed interface Validated<T> {

    record Valid<T>(T value) implements Validated<T> {}

    record Invalid<T>(List<FieldError> errors) implements Validated<T> {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid result lists at least one error");
            }
        }
    }
}
