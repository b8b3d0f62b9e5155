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
        if (mode.endsWith("-child")) {
            // In-process handlers log a summary line and a metric document per request: built (their cost is
            // part of what is measured) but not printed over the report.
            Log.sendTo(line -> {});
        }
        switch (mode) {
            case "warm-child" ->
                Warm.run(report, Integer.getInteger("warm.warmup", 3000), Integer.getInteger("warm.calls", 4000));
            case "resource-child" ->
                ListAndDelete.run(
                        report,
                        Integer.getInteger("resource.warmup", 2000),
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
                        + Stats.load() + "; handler JVMs run with JAVA_TOOL_OPTIONS=\""
                        + Fixture.ON_DEMAND_JAVA_TOOL_OPTIONS + "\".");
                report.line("");
                boolean all = mode.equals("all");
                if (all || mode.equals("cold") || mode.equals("priming") || mode.equals("clients")) {
                    try (Fixture fixture = Fixture.start()) {
                        if (all || mode.equals("cold")) {
                            Cold.run(fixture, report, coldRuns);
                        }
                        if (all || mode.equals("priming")) {
                            Priming.run(fixture, report, Integer.getInteger("priming.runs", 10));
                        }
                        if (all || mode.equals("clients")) {
                            Clients.run(
                                    fixture,
                                    report,
                                    Integer.getInteger("clients.runs", 11),
                                    Integer.getInteger("clients.calls", 2000));
                        }
                    }
                }
                if (all || mode.equals("warm")) {
                    child("warm-child");
                }
                if (all || mode.equals("resource")) {
                    child("resource-child");
                }
                if (all || mode.equals("overhead")) {
                    child("overhead-child");
                }
                if (all || mode.equals("jit")) {
                    Jit.run(
                            report,
                            primings(System.getProperty("jit.primings", "0,2000,5000,10000,20000,30000")),
                            Integer.getInteger("jit.runs", 3));
                }
                if (all || mode.equals("throughput")) {
                    child("throughput-child");
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

    /** Warm, overhead and throughput run in a JVM of their own, with the stack's JVM options (C1 only, as on Lambda). */
    private static void child(String mode) throws Exception {
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
        command.add("-cp");
        command.add(Paths.benchTarget().resolve("bench.jar").toString());
        command.add(Main.class.getName());
        command.add(mode);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("JAVA_TOOL_OPTIONS", Fixture.ON_DEMAND_JAVA_TOOL_OPTIONS);
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(mode + " failed with exit code " + exit);
        }
    }
}
