package org.assessmentsapi.adapter.events;

import org.assessmentsapi.domain.Assessment;

/**
 * What became of one SQS message. Only {@link Applied} and {@link AlreadyApplied} let SQS delete it; the
 * others are reported in {@code batchItemFailures}: a {@link Retry} may succeed later, a {@link Rejected}
 * one never will, and goes on being reported until SQS moves it to the dead-letter queue.
 */
sealed interface MessageOutcome {

    /** Whether SQS may delete the message (it is not reported as a batch item failure). */
    boolean done();

    /** What the log says about it. */
    String describe();

    record Applied(String eventId, Assessment assessment) implements MessageOutcome {
        @Override
        public boolean done() {
            return true;
        }

        @Override
        public String describe() {
            return "applied event " + eventId + " to assessment " + assessment.id() + ", now at version "
                    + assessment.version();
        }
    }

    /** A redelivery of an event that was applied before: nothing was written again. */
    record AlreadyApplied(String eventId, Assessment current) implements MessageOutcome {
        @Override
        public boolean done() {
            return true;
        }

        @Override
        public String describe() {
            return "event " + eventId + " was already applied to assessment " + current.id() + " (version "
                    + current.version() + "): not applied again";
        }
    }

    /** Invalid, unknown assessment or version conflict: retrying cannot help. */
    record Rejected(String reason) implements MessageOutcome {
        @Override
        public boolean done() {
            return false;
        }

        @Override
        public String describe() {
            return "rejected for good, left for the dead-letter queue: " + reason;
        }
    }

    /** Throttling, 5xx, timeouts, or not attempted: SQS delivers it again after its visibility timeout. */
    record Retry(String reason) implements MessageOutcome {
        @Override
        public boolean done() {
            return false;
        }

        @Override
        public String describe() {
            return "to be retried: " + reason;
        }
    }
}
