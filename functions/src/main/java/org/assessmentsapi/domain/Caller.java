package org.assessmentsapi.domain;

/**
 * Who asks for a change, which decides the ownership condition: an API user may touch only the
 * assessments they own; an internal service (the event-driven path, trusted by IAM) may touch any.
 */
public sealed interface Caller {

    record User(String userId) implements Caller {
        public User {
            if (userId == null || userId.isBlank()) {
                throw new IllegalArgumentException("userId is required");
            }
        }
    }

    record InternalService(String name) implements Caller {}

    /** True when {@code assessment} may be read or changed by this caller. */
    default boolean mayAccess(Assessment assessment) {
        return switch (this) {
            case User(String userId) -> assessment.isOwnedBy(userId);
            case InternalService _ -> true;
        };
    }
}
