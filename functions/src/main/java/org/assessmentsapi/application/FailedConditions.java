package org.assessmentsapi.application;

import java.util.Optional;
import java.util.OptionalLong;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.Caller;

/**
 * Why a conditional write (update or delete) was refused, told from the item as it was: the one rule of both.
 * Missing and foreign items are both "not found", so that ids of other users' assessments cannot be probed.
 * Otherwise the condition failed on the version: the item as read is at another version than the client's.
 */
final class FailedConditions {

    private FailedConditions() {}

    /** The version the caller may be told about, or empty for "not found". */
    static OptionalLong currentVersion(Optional<Assessment> current, Caller caller) {
        return current.filter(caller::mayAccess)
                .map(a -> OptionalLong.of(a.version()))
                .orElse(OptionalLong.empty());
    }
}
