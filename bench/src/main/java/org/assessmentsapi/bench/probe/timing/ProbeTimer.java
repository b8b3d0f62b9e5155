package org.assessmentsapi.bench.probe.timing;

import java.util.Arrays;
import java.util.Locale;

/**
 * What every client probe measures after its first call, and how it reports it (JDK only, so that it can go
 * into each probe jar without adding anything the jar is measured for): in {@code cold} mode the time from the
 * JVM's start of main to the end of the first call; in {@code warm} mode p50/p99 of {@code n} timed calls after
 * as many untimed ones. Then it halts the JVM, like a Lambda environment that has nothing more to do.
 */
public final class ProbeTimer {

    private ProbeTimer() {}

    /** Called after the first call; {@code startNanos} is System.nanoTime() at the start of main. */
    public static void reportAndHalt(long startNanos, boolean warm, int n, Runnable call) {
        if (!warm) {
            System.out.printf(Locale.ROOT, "RESULT total_ms=%.1f%n", (System.nanoTime() - startNanos) / 1e6);
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
        for (int i = 0; i < n; i++) {
            call.run();
        }
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            call.run();
            micros[i] = (System.nanoTime() - t0) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf(Locale.ROOT, "RESULT p50_us=%d p99_us=%d%n", micros[n / 2], micros[(int) (n * 0.99)]);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
