package org.assessmentsapi.application;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a page of an owner's assessments ended: the {@code updatedAt} and {@code id} of the last item the store
 * evaluated. With the owner (which the caller always supplies, never the cursor) it is the whole position in
 * the owner-by-{@code updatedAt} index, so that a page can resume exactly after it.
 */
public record PagePosition(Instant updatedAt, String id) {

    public PagePosition {
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(id, "id");
    }
}
