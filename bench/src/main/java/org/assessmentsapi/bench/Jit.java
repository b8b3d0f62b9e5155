package org.assessmentsapi.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import org.assessmentsapi.adapter.events.AssessmentEventsHandler;
import org.assessmentsapi.adapter.http.ApiHandler;
import org.assessmentsapi.bootstrap.Wiring;
import org.assessmentsapi.devkit.DevIssuer;

/**
 * C1 only against the JVM's default tiered compilation (C2), for the API handler's own CPU per PUT after a
 * SnapStart-style priming of N PUTs. Lambda's java25 runtime stops at C1 by default, but uses the JVM's default
 * tiered compilation when SnapStart is on, unless {@code JAVA_TOOL_OPTIONS} says otherwise: the question is how long
 * a priming must be for the C2 code in the snapshot to beat C1, and what that priming costs at init.
 *
 * <p>Each run is a fresh JVM (JDK of the benchmark, the managed runtime's heap and GC flags at 1,024 MB, the
 * compiler flags in {@code JAVA_TOOL_OPTIONS} as on Lambda) with the production wiring over the in-process canned
 * DynamoDB ({@link CannedApi}): it runs N PUTs through the handler's stream entry point, each with a new RS256 token
 * (the full signature check), timing the priming by the process's CPU time (all threads: the JIT compilers'
 * work is the priming's cost too); then, at once, {@link #MEASURED} rounds of three calls in rotating order: a PUT
 * with a new token, a PUT with a reused (remembered) token on a second handler, and the raw SDK UpdateItem of
 * {@link Warm#rawUpdate} over the same client, each timed by the thread's CPU clock. The handler's own cost is its
 * p50 minus the raw p50, as in {@link Overhead}. The tokens are signed by this process, not the measured one: RSA
 * signing runs the same {@code BigInteger} code as the check, and would warm it.
 * The modes rotate (A B, B A, ...) for every N, in every round.
 */
final class Jit {

    static final String C1_ONLY = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    static final String TIERED = "-XX:+TieredCompilation";
    /**
     * The compared {@code JAVA_TOOL_OPTIONS}, {@code label=options;label=options}: C1 only and tiered by default;
     * e.g. {@code -Djit.modes="C1 only=...;tiered=...;tiered, thresholds x0.25=-XX:CompileThresholdScaling=0.25"}.
     */
    static final Map<String, String> MODES =
            modes(System.getProperty("jit.modes", "C1 only=" + C1_ONLY + ";tiered (C2)=" + TIERED));
    /** The managed runtime's heap and GC at 1,024 MB (85 % of the memory as the maximum heap, serial GC). */
    static final List<String> RUNTIME_FLAGS = List.of("-XX:MaxHeapSize=870m", "-XX:+UseSerialGC", "-Xshare:auto");
    /** Measured rounds (new token, reused token, raw) right after the priming. */
    static final int MEASURED = Integer.getInteger("jit.calls", 1000);
    /** Lambda gives a 1,024 MB function about this share of a vCPU (a full one at 1,769 MB). */
    static final double VCPU_AT_1024_MB = 1024.0 / 1769.0;

    private static final String TOKEN_SLOT = "JIT_TOKEN_SLOT";

    private Jit() {}

    /** {@code api} (default) or {@code events}: which function's handler is primed and timed. */
    static final String FUNCTION = System.getProperty("jit.function", "api");

    static void run(Report report, List<Integer> primings, int rounds) throws IOException {
        boolean events = FUNCTION.equals("events");
        // label in the RESULT line -> column name; the raw UpdateItem is the last column
        Map<String, String> columns = new LinkedHashMap<>();
        if (events) {
            columns.put("message", "SQS message");
        } else {
            columns.put("new", "new-token PUT");
            columns.put("reused", "reused-token PUT");
        }
        try (DevIssuer issuer = DevIssuer.start()) {
            Path tokens = Files.createDirectories(Paths.results()).resolve("jit-tokens.txt");
            if (!events) {
                int max = primings.stream().mapToInt(Integer::intValue).max().orElse(0);
                long signStart = System.nanoTime();
                // One more than the largest run needs: the last one is the reused token.
                List<String> signed = IntStream.range(0, max + MEASURED + 1)
                        .parallel()
                        .mapToObj(i -> issuer.token(Fixture.USER, Duration.ofHours(3)))
                        .toList();
                Files.write(tokens, signed, StandardCharsets.UTF_8);
                System.err.println("jit: signed " + signed.size() + " tokens in "
                        + (System.nanoTime() - signStart) / 1_000_000 + " ms");
            }
            Map<String, List<Child>> runs = new LinkedHashMap<>();
            String load = Stats.load();
            int jvms = rounds * primings.size() * MODES.size();
            int launched = 0;
            for (int round = 0; round < rounds; round++) {
                for (int p = 0; p < primings.size(); p++) {
                    int n = primings.get(p);
                    List<String> order = new ArrayList<>(MODES.keySet());
                    java.util.Collections.rotate(order, round + p); // each mode first in turn
                    for (String mode : order) {
                        Progress.step("JVM", ++launched, jvms);
                        Child child = launch(
                                issuer,
                                tokens,
                                MODES.get(mode),
                                n,
                                "jit-" + FUNCTION + "-"
                                        + List.copyOf(MODES.keySet()).indexOf(mode) + "-" + n + "-" + round);
                        runs.computeIfAbsent(key(mode, n), k -> new ArrayList<>())
                                .add(child);
                        System.err.println("jit: " + child.line());
                    }
                }
            }
            String unit = events ? "messages" : "new-token PUTs";
            report.line("### " + (events ? "Events handler CPU per SQS message" : "API handler CPU per PUT")
                    + " after a priming of N "
                    + unit + ", by JIT mode, fresh JVMs (" + rounds + " per cell, modes alternating; " + MEASURED
                    + " measured rounds of "
                    + String.join(" / ", columns.values())
                    + " / raw UpdateItem in rotating order, thread CPU time; canned DynamoDB; "
                    + String.join(" ", RUNTIME_FLAGS) + "; load " + load + " -> " + Stats.load() + ")");
            report.line("");
            StringBuilder header =
                    new StringBuilder("| priming " + unit + " | JIT | priming CPU (s) | at 0.58 vCPU (s) |");
            StringBuilder rule = new StringBuilder("|---|---|---|---|");
            for (String column : columns.values()) {
                header.append(' ').append(column).append(" p50 (us) | **own** (us) |");
                rule.append("---|---|");
            }
            report.line(header + " raw UpdateItem p50 (us) |");
            report.line(rule + "---|");
            for (int n : primings) {
                for (String mode : MODES.keySet()) {
                    List<Child> cell = runs.get(key(mode, n));
                    double primingCpu = median(cell, "priming_cpu_ms") / 1000;
                    StringBuilder row = new StringBuilder("| " + n + " | " + mode + " | " + Stats.f2(primingCpu) + " | "
                            + Stats.f1(primingCpu / VCPU_AT_1024_MB) + " |");
                    for (String label : columns.keySet()) {
                        row.append(' ')
                                .append(Stats.f1(median(cell, label + "_us")))
                                .append(" | **")
                                .append(Stats.f1(median(cell, label + "_own_us")))
                                .append("** |");
                    }
                    report.line(row + " " + Stats.f1(median(cell, "raw_us")) + " |");
                }
            }
            report.line("");
            report.line(
                    "Each cell: the median over its runs of each run's p50; \"own\" = handler p50 - raw UpdateItem p50 of"
                            + " the same run; priming CPU = the JVM's CPU time (all threads, the compilers' included) over the N calls;"
                            + " at 0.58 vCPU = that / " + Stats.f2(VCPU_AT_1024_MB)
                            + ", if Lambda's core were as fast as this machine's.");
            report.line("");
        }
    }

    private static Map<String, String> modes(String list) {
        Map<String, String> modes = new LinkedHashMap<>();
        for (String entry : list.split(";")) {
            int eq = entry.indexOf('=');
            modes.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return modes;
    }

    private static String key(String mode, int priming) {
        return mode + "|" + priming;
    }

    private static double median(List<Child> cell, String field) {
        return Stats.median(
                cell.stream().mapToDouble(child -> child.number(field)).toArray());
    }

    private static Child launch(DevIssuer issuer, Path tokens, String mode, int priming, String logName) {
        List<String> command = new ArrayList<>();
        command.add(Paths.java());
        command.addAll(RUNTIME_FLAGS);
        command.add("-Djit.priming=" + priming);
        command.add("-Djit.function=" + FUNCTION);
        command.add("-Djit.calls=" + MEASURED);
        command.add("-Djit.tokens=" + tokens);
        command.add("-Djit.issuer=" + issuer.issuer());
        command.add("-Djit.audience=" + issuer.audience());
        command.add("-Djit.jwks=" + issuer.jwksUrl());
        command.add("-cp");
        command.add(Paths.benchTarget().resolve("bench.jar").toString());
        command.add(Main.class.getName());
        command.add("jit-child");
        return Child.run(command, Map.of("JAVA_TOOL_OPTIONS", mode), logName);
    }

    /**
     * What one child times: {@code prime} (called with 0, 1, ... N-1) is the priming's call; the {@code measured}
     * calls, the raw UpdateItem last, rotate after it. Each answers 200 when it served its request.
     */
    private record Workload(
            java.util.function.IntUnaryOperator prime, List<String> labels, List<IntSupplier> measured) {}

    /** One run, in the child JVM: priming, then the measured rounds; prints the RESULT line. */
    static void child() throws IOException {
        int priming = Integer.getInteger("jit.priming");
        CannedApi api = CannedApi.create(
                System.getProperty("jit.issuer"),
                System.getProperty("jit.audience"),
                URI.create(System.getProperty("jit.jwks")));
        IntSupplier raw = () -> {
            api.client().updateItem(Warm.rawUpdate(Fixture.SAMPLE_ID));
            return 200;
        };
        Workload workload = System.getProperty("jit.function", "api").equals("events")
                ? eventsWorkload(api, raw)
                : apiWorkload(api, raw, priming);

        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long wallStart = System.nanoTime();
        for (int i = 0; i < priming; i++) {
            Warm.expect(200, workload.prime().applyAsInt(i));
        }
        double primingCpuMs = (os.getProcessCpuTime() - cpuStart) / 1e6;
        double primingWallMs = (System.nanoTime() - wallStart) / 1e6;

        int kinds = workload.measured().size();
        double[][] us = new double[kinds][MEASURED];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < MEASURED; i++) {
            for (int k = 0; k < kinds; k++) {
                int which = (i + k) % kinds;
                long start = threads.getCurrentThreadCpuTime();
                int status = workload.measured().get(which).getAsInt();
                us[which][i] = (threads.getCurrentThreadCpuTime() - start) / 1e3;
                Warm.expect(200, status);
            }
        }
        double rawP50 = Stats.percentile(us[kinds - 1], 50);
        StringBuilder result = new StringBuilder("RESULT priming=" + priming + " tool_options="
                + String.join(
                        "_",
                        Arrays.asList(System.getenv()
                                .getOrDefault("JAVA_TOOL_OPTIONS", "")
                                .split(" ")))
                + " priming_cpu_ms=" + Stats.f1(primingCpuMs) + " priming_wall_ms=" + Stats.f1(primingWallMs)
                + " raw_us=" + Stats.f1(rawP50));
        for (int k = 0; k < kinds - 1; k++) {
            double p50 = Stats.percentile(us[k], 50);
            String label = workload.labels().get(k);
            result.append(' ')
                    .append(label)
                    .append("_us=")
                    .append(Stats.f1(p50))
                    .append(' ')
                    .append(label)
                    .append("_own_us=")
                    .append(Stats.f1(p50 - rawP50));
        }
        System.out.println(result);
    }

    /**
     * The API: priming and "new" PUTs each with a token never seen by their handler (signed by the parent);
     * "reused" PUTs on a second handler, with one token it verified once before the priming.
     */
    private static Workload apiWorkload(CannedApi api, IntSupplier raw, int priming) throws IOException {
        List<String> tokens = Files.readAllLines(Path.of(System.getProperty("jit.tokens")), StandardCharsets.UTF_8);
        ApiHandler renewing = api.handler();
        ApiHandler remembering = api.handler();
        String template = Fixture.eventJson("put-assessment.json", null, TOKEN_SLOT);
        List<byte[]> events = new ArrayList<>(priming + MEASURED);
        for (int i = 0; i < priming + MEASURED; i++) {
            events.add(template.replace(TOKEN_SLOT, tokens.get(i)).getBytes(StandardCharsets.UTF_8));
        }
        byte[] reusedEvent =
                template.replace(TOKEN_SLOT, tokens.get(tokens.size() - 1)).getBytes(StandardCharsets.UTF_8);
        Warm.expect(200, Fixture.status(remembering, reusedEvent)); // verified once, remembered from now on
        int[] next = {priming};
        return new Workload(
                i -> Fixture.status(renewing, events.get(i)),
                List.of("new", "reused"),
                List.of(
                        () -> Fixture.status(renewing, events.get(next[0]++)),
                        () -> Fixture.status(remembering, reusedEvent),
                        raw));
    }

    /** The events function: one SQS message per call, the sample update event, applied by the canned store. */
    private static Workload eventsWorkload(CannedApi api, IntSupplier raw) {
        AssessmentEventsHandler handler = Wiring.events(api.config(), api.client(), java.time.Clock.systemUTC());
        byte[] message = Fixture.event("sqs-assessment-update.json", null, "");
        IntSupplier applied = () -> {
            String answer = new String(Fixture.invoke(handler, message), StandardCharsets.UTF_8);
            return answer.contains("\"batchItemFailures\":[]") ? 200 : 500;
        };
        return new Workload(i -> applied.getAsInt(), List.of("message"), List.of(applied, raw));
    }
}
