package org.assessmentsapi.adapter.validation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The validated values of the fields a request provided; a field that was not provided is absent. */
record FieldValues(Map<AssessmentField, Object> values) {

    FieldValues {
        values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    <T> T get(AssessmentField field, Class<T> type) {
        return type.cast(values.get(field));
    }
}
