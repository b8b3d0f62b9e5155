package org.assessmentsapi.bootstrap;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import org.assessmentsapi.adapter.logging.ColdStart;
import org.assessmentsapi.adapter.logging.Log;
import org.crac.Context;
import org.crac.Resource;

/**
 * What the SnapStart priming hooks of the functions share ({@link ApiPriming}, {@link EventsPriming}): the
 * reserved id and the impossible version that make their one conditional write fail, and the shape of a priming
 * that never breaks the snapshot.
 *
 * <p>{@link #beforeCheckpoint} runs {@link #run()} once and logs one line with its outcome; whatever it throws
 * (an exception or an error, e.g. a class that fails to link) is caught and logged, so the snapshot is taken
 * anyway, only less warm. {@link #afterRestore} does nothing: a priming keeps no state, and the HTTP client
 * re-establishes its connections after a restore.
 *
 * <p>Registered with {@code org.crac.Core.getGlobalContext()} by the functions' start-up ({@link #register}),
 * which also keeps the strong reference: org.crac holds resources weakly.
 */
public abstract class PrimingResource implements Resource {

    /** A reserved id: never created ({@code CreateAssessment} makes random version-4 UUIDs, this one is nil-based). */
    public static final String PRIMING_ID = "00000000-0000-4000-8000-000000000000";
    /** A version no item reaches (one increment per write; this is 10^15 writes away). */
    public static final long IMPOSSIBLE_VERSION = 999_999_999_999_999L;

    /** The registered primings, held strongly for as long as the execution environment lives. */
    private static final List<PrimingResource> REGISTERED = new CopyOnWriteArrayList<>();

    /**
     * How many requests the API's priming runs over the canned DynamoDB, each with a full RS256 check: the stack runs
     * tiered compilation under SnapStart, and C2 code only beats C1 after enough of them (bench part {@code jit},
     * docs/benchmarks.md "C1 or C2": the handler's own CPU per new-token PUT 259 us at C1; with C2 154 us after 2,000,
     * 91 after 10,000, 85 after 20,000, 53 after 30,000; ~11 CPU-s of init here, ~19 s at 0.58 vCPU).
     */
    public static final int API_ROUNDS = 30_000;
    /** The same for the events function: C2's own CPU per message beats C1's only after ~20,000 (31 against 57 us). */
    public static final int EVENTS_ROUNDS = 20_000;
    /** The rounds stop early past this, so that a slow machine never stretches the init towards Lambda's limit. */
    static final Duration ROUNDS_BUDGET = Duration.ofSeconds(45);
    /** The system property through which the runtime hands each invocation its X-Ray trace header. */
    static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";
    /** A made-up, unsampled trace header: only ever sent to the canned DynamoDB. */
    static final String ROUNDS_TRACE_HEADER =
            "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0";

    private final String function;
    private volatile String lastOutcome = "not primed";
    /** The environment's cold start, which a restore makes cold again (a restored snapshot is a new environment). */
    private volatile ColdStart coldStart;

    /** Runs {@code priming} before SnapStart takes the snapshot (a no-op on a JVM without CRaC support). */
    static void register(PrimingResource priming, ColdStart coldStart) {
        priming.coldStart = coldStart;
        REGISTERED.add(priming);
        org.crac.Core.getGlobalContext().register(priming);
    }

    /** {@code function}: which function this primes, for the log line (e.g. "API function"). */
    protected PrimingResource(String function) {
        this.function = function;
    }

    @Override
    public final void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public final void afterRestore(Context<? extends Resource> context) {
        // Priming keeps no state, and connections are re-established by the HTTP client; only the next
        // invocation is the first of this (restored) environment.
        ColdStart environment = coldStart;
        if (environment != null) {
            environment.reset();
        }
    }

    /** Runs the priming once and logs its outcome; never throws. Returns the outcome (or "failed: ..."). */
    public final String prime() {
        try {
            // The priming's own requests are not traffic: their lines and metric documents are held back.
            lastOutcome = Log.collecting(() -> {
                        try {
                            return run();
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .result();
            Log.info(null, "SnapStart priming of the " + function + " done: " + lastOutcome);
        } catch (Throwable e) { // everything, errors included: a priming failure must never fail the checkpoint
            lastOutcome = "failed: " + e;
            Log.warn(
                    null,
                    "SnapStart priming of the " + function + " failed (the snapshot is still valid, only less warm): "
                            + e);
        }
        return lastOutcome;
    }

    /** The outcome of the last {@link #prime()} ("not primed" before the first). */
    public final String lastOutcome() {
        return lastOutcome;
    }

    /**
     * Calls {@code round} with 0, 1, ... up to {@code rounds} times (fewer past {@link #ROUNDS_BUDGET}; tests lower the
     * count with the system property {@code assessments.priming.rounds}), with a trace header set as the runtime sets
     * one for every real invocation (the SDK's trace-id path is then loaded too) and cleared after. Each round must
     * go to the canned DynamoDB only. Returns the rounds run.
     */
    static int rounds(int rounds, IntConsumer round) {
        int wanted = Integer.getInteger("assessments.priming.rounds", rounds);
        String previous = System.getProperty(TRACE_HEADER_PROPERTY);
        System.setProperty(TRACE_HEADER_PROPERTY, ROUNDS_TRACE_HEADER);
        try {
            long deadline = System.nanoTime() + ROUNDS_BUDGET.toNanos();
            int done = 0;
            while (done < wanted && System.nanoTime() - deadline < 0) {
                round.accept(done++);
            }
            return done;
        } finally {
            if (previous == null) {
                System.clearProperty(TRACE_HEADER_PROPERTY);
            } else {
                System.setProperty(TRACE_HEADER_PROPERTY, previous);
            }
        }
    }

    /** The request path of the function, once, on {@link #PRIMING_ID}; returns what it observed, for the log. */
    protected abstract String run() throws Exception;
}
