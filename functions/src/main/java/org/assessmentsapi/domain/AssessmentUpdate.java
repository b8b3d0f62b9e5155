package org.assessmentsapi.domain;

import java.util.OptionalLong;

/** A validated update: the fields to set and, for optimistic locking, the version the client last saw. */
public record AssessmentUpdate(AssessmentChanges changes, OptionalLong expectedVersion) {
}
