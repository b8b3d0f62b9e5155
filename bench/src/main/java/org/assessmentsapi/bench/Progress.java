package org.assessmentsapi.bench;

import java.util.Locale;

/**
 * Progress on stderr while a part runs, so that a run of several minutes is never silent: the part, the step (run
 * i of n) and the time since the part began. At most one line every {@link #EVERY_NANOS} per step kind, plus the
 * first and the last of each; the report on stdout stays clean. Static: the benchmark runs one part at a time per
 * JVM (warm, resource, overhead and throughput in child JVMs of their own, which print their own lines).
 */
final class Progress {

    private static final long EVERY_NANOS = 5_000_000_000L;

    private static String part = "bench";
    private static long partStarted = System.nanoTime();
    private static long lastPrinted;
    private static String lastWhat = "";

    private Progress() {}

    /** A part begins. */
    static void begin(String name) {
        part = name;
        partStarted = System.nanoTime();
        lastWhat = "";
        print("started");
    }

    /** Step {@code i} (from 1) of {@code n} of {@code what}; printed if it is the first or last, or 5 s passed. */
    static void step(String what, int i, int n) {
        long now = System.nanoTime();
        if (i == 1 || i == n || !what.equals(lastWhat) || now - lastPrinted >= EVERY_NANOS) {
            lastWhat = what;
            print(what + " " + i + " of " + n);
        }
    }

    /** The part ended. */
    static void end() {
        print("done");
    }

    private static void print(String text) {
        lastPrinted = System.nanoTime();
        System.err.println(String.format(
                Locale.ROOT, "[bench %s] %s, %.0f s elapsed", part, text, (lastPrinted - partStarted) / 1e9));
        System.err.flush();
    }
}
