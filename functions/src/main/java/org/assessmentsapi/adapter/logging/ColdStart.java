package org.assessmentsapi.adapter.logging;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether an invocation is the first of its execution environment: the {@code cold_start} log field and the
 * {@code ColdStart} metric. One per function instance (the wiring makes it); the SnapStart restore hook resets it,
 * because a restored snapshot is a new environment whose first request pays the restore, although the
 * snapshot's JVM served (priming) requests before.
 */
public final class ColdStart {

    private final AtomicBoolean cold = new AtomicBoolean(true);

    /** True exactly once: for the first invocation since this was made or last {@link #reset}. */
    public boolean take() {
        return cold.getAndSet(false);
    }

    /** After a SnapStart restore: the next invocation is the first of a new environment. */
    public void reset() {
        cold.set(true);
    }
}
