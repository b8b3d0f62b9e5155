package org.assessmentsapi.application;

import java.util.Optional;
import org.assessmentsapi.domain.Assessment;

/** What the store did with a creation that must happen at most once for its id. */
public sealed interface CreateOnceResult {

    /** The item was written. */
    record Created() implements CreateOnceResult {}

    /**
     * Nothing was written: an item with the id exists. {@code current} is it as stored now; {@code fingerprint} is
     * the one stored by the creation that wrote it (empty for an item created without an idempotency key).
     */
    record Exists(Assessment current, Optional<String> fingerprint) implements CreateOnceResult {}

    /** The condition failed, yet no item was there when read again: it was deleted in between. */
    record Vanished() implements CreateOnceResult {}
}
