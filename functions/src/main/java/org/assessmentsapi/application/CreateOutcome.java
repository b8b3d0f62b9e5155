package org.assessmentsapi.application;

import org.assessmentsapi.domain.Assessment;

/** The result of a creation with an idempotency key. */
public sealed interface CreateOutcome {

    /** Created now. */
    record Created(Assessment assessment) implements CreateOutcome {}

    /** The same key and request were seen within the window: the first answer, again (nothing written). */
    record Replayed(Assessment assessment) implements CreateOutcome {}

    /** The key cannot serve this request; nothing written. */
    record KeyReused(Reason reason) implements CreateOutcome {}

    enum Reason {
        /** The key was first used with another request body. */
        DIFFERENT_REQUEST,
        /** The key was first used longer ago than {@link IdempotentCreations#WINDOW}. */
        EXPIRED
    }
}
