package org.assessmentsapi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assessmentsapi.adapter.logging.Log;

/**
 * The benchmark command: {@code java -jar bench/target/bench.jar [cold|priming|clients|warm|resource|overhead|jit|throughput|all]}
 * (default {@code all}), run from the repository after
 * {@code mvn -q -pl bench -am -DskipTests package}. Prints Markdown; the same goes to bench/results/report.md.
 * Sizes can be changed with system properties: {@code -Dcold.runs=11 -Dwarm.calls=4000 -Doverhead.calls=20000 ...}.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0].toLowerCase(Locale.ROOT) : "all";
        Report report = new Report();
        int coldRuns = Integer.getInteger("cold.runs", 11);
        // In-process handlers (the fixture's set-up, the child parts) log a summary line and a metric document per
        // request: built (their cost is part of what is measured) but not printed over the report.
        Log.sendTo(line -> {});
        if (mode.endsWith("-child")) {
            Progress.begin(mode.substring(0, mode.length() - "-child".length()) + ", "
                    + System.getProperty(Fixture.JIT_PROPERTY));
        }
        switch (mode) {
            case "warm-child" ->
                Warm.run(
                        report,
                        Integer.getInteger("warm.warmup", Fixture.tiered() ? 15000 : 3000),
                        Integer.getInteger("warm.calls", 4000));
            case "resource-child" ->
                ListAndDelete.run(
                        report,
                        Integer.getInteger("resource.warmup", Fixture.tiered() ? 10000 : 2000),
                        Integer.getInteger("resource.calls", 2000));
            case "overhead-child" ->
                Overhead.run(
                        report,
                        Integer.getInteger("overhead.warmup", 20000),
                        Integer.getInteger("overhead.calls", 20000));
            case "throughput-child" ->
                Throughput.run(
                        report, Integer.getInteger("throughput.rounds", 3), Long.getLong("throughput.millis", 5000L));
            case "jit-child" -> Jit.child();
            case "cold", "priming", "clients", "warm", "resource", "overhead", "jit", "throughput", "all" -> {
                report.line("## Benchmark run " + java.time.Instant.now() + " (" + mode + ")");
                report.line("");
                report.line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), load "
                        + Stats.load() + "; JAVA_TOOL_OPTIONS of the functions: without SnapStart \""
                        + Fixture.ON_DEMAND_JAVA_TOOL_OPTIONS + "\", with SnapStart \""
                        + Fixture.STACK_JAVA_TOOL_OPTIONS
                        + "\".");
                report.line("");
                boolean all = mode.equals("all");
                if (all || mode.equals("cold") || mode.equals("priming") || mode.equals("clients")) {
                    try (Fixture fixture = Fixture.start()) {
                        if (all || mode.equals("cold")) {
                            Progress.begin("cold");
                            Cold.run(fixture, report, coldRuns);
                            Progress.end();
                        }
                        if (all || mode.equals("priming")) {
                            Progress.begin("priming");
                            Priming.run(fixture, report, Integer.getInteger("priming.runs", 10));
                            Progress.end();
                        }
                        if (all || mode.equals("clients")) {
                            Progress.begin("clients");
                            Clients.run(
                                    fixture,
                                    report,
                                    Integer.getInteger("clients.runs", 11),
                                    Integer.getInteger("clients.calls", 2000));
                            Progress.end();
                        }
                    }
                }
                if (all || mode.equals("warm")) {
                    child("warm-child", JITS);
                }
                if (all || mode.equals("resource")) {
                    child("resource-child", JITS);
                }
                if (all || mode.equals("overhead")) {
                    child("overhead-child", JITS);
                }
                if (all || mode.equals("jit")) {
                    Progress.begin("jit");
                    Jit.run(
                            report,
                            primings(System.getProperty("jit.primings", "0,2000,5000,10000,20000,30000")),
                            Integer.getInteger("jit.runs", 3));
                    Progress.end();
                }
                if (all || mode.equals("throughput")) {
                    child("throughput-child", List.of("tiered"));
                }
            }
            default -> {
                System.err.println(
                        "usage: java -jar bench/target/bench.jar [cold|priming|clients|warm|resource|overhead|jit|throughput|all]");
                System.exit(2);
            }
        }
        System.exit(0);
    }

    private static List<Integer> primings(String list) {
        return java.util.Arrays.stream(list.split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();
    }

    /**
     * The JIT settings of the in-process parts, {@code -Dbench.jit=tiered,c1} by default: the stack's options, with
     * which Lambda's java25 keeps tiered compilation (C2) under SnapStart, whose priming leaves C2 code in the
     * snapshot; and C1 only, what the same runtime runs without SnapStart.
     */
    private static final List<String> JITS =
            List.of(System.getProperty("bench.jit", "tiered,c1").split(","));

    /**
     * Warm, resource, overhead and throughput run in a JVM of their own per JIT setting, one after the other, with the
     * managed runtime's heap and serial collector: with the JVM's default here (G1) the handler's own CPU per PUT
     * measured about twice as high (docs/benchmarks.md, "Handler CPU").
     */
    private static void child(String mode, List<String> jits) throws Exception {
        for (String jit : jits) {
            child(mode, jit.trim());
        }
    }

    private static void child(String mode, String jit) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.java());
        for (String name : List.of(
                "warm.warmup",
                "warm.calls",
                "resource.warmup",
                "resource.calls",
                "overhead.warmup",
                "overhead.calls",
                "throughput.rounds",
                "throughput.millis",
                "sun.net.httpserver.nodelay")) {
            if (System.getProperty(name) != null) {
                command.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        command.add("-D" + Fixture.JIT_PROPERTY + "=" + jit);
        // The managed runtime's heap and collector (at 1,024 MB), as for the functions under the runtime client.
        command.addAll(Jit.RUNTIME_FLAGS);
        command.add("-cp");
        command.add(Paths.benchTarget().resolve("bench.jar").toString());
        command.add(Main.class.getName());
        command.add(mode);
        Progress.begin(mode.substring(0, mode.length() - "-child".length()) + ", " + jit);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("JAVA_TOOL_OPTIONS", Fixture.javaToolOptions(jit));
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(mode + " failed with exit code " + exit);
        }
        Progress.end();
    }
}
