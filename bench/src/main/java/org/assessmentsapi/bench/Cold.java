package org.assessmentsapi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cold-start proxy: a fresh JVM per run, with the stack's {@code JAVA_TOOL_OPTIONS}, that constructs the
 * handler as the Lambda runtime does and serves one PUT (JWT verified, one UpdateItem): see {@code Launcher}.
 * Hello-world and ours alternate (A/B, B/A, ...) in the same run, each on its own new item.
 */
final class Cold {

    static final String HELLO = "org.assessmentsapi.bench.hello.HelloHandler";
    static final String OURS = "org.assessmentsapi.adapter.http.ApiHandler";
    /** The event-driven function's handler (SQS batch in, batch response out): the priming part only. */
    static final String EVENTS = "org.assessmentsapi.adapter.events.AssessmentEventsHandler";
    private static final String LAUNCHER = "org.assessmentsapi.bench.launcher.Launcher";
    /** {@code lite} (default: JDK-only event mapping) or {@code runtime} (aws-lambda-java-serialization). */
    static final String SERIALIZATION = System.getProperty("cold.serialization", "lite");

    private Cold() {
    }

    static void run(Fixture fixture, Report report, int runs) throws IOException {
        // -Dcold.baseline=<another functions.jar>: compare two builds of ApiHandler, the baseline in hello world's place.
        String baseline = System.getProperty("cold.baseline");
        Path reference = baseline != null ? Path.of(baseline) : Paths.benchTarget().resolve("hello.jar");
        String referenceClass = baseline != null ? OURS : HELLO;
        String referenceLabel = baseline != null ? "baseline " + reference.getFileName() : "hello world";
        Path ours = Paths.functionsJar();
        String load = Stats.load();
        List<Double> referenceMs = new ArrayList<>();
        List<Double> oursMs = new ArrayList<>();
        List<Double> referenceCpuMs = new ArrayList<>();
        List<Double> oursCpuMs = new ArrayList<>();
        List<Double> oursConstructMs = new ArrayList<>();
        List<Double> oursInvokeMs = new ArrayList<>();
        // One discarded pair first: the page cache and dynalite's JIT are warm for every measured run.
        launch(fixture, reference, referenceClass, "warmup-hello", List.of());
        launch(fixture, ours, OURS, "warmup-ours", List.of());
        for (int i = 0; i < runs; i++) {
            boolean referenceFirst = i % 2 == 0;
            for (int k = 0; k < 2; k++) {
                if ((k == 0) == referenceFirst) {
                    Child child = launch(fixture, reference, referenceClass, "cold-hello-" + i, List.of());
                    referenceMs.add(child.wallMs());
                    referenceCpuMs.add(child.number("cpu_ms"));
                } else {
                    Child child = launch(fixture, ours, OURS, "cold-ours-" + i, List.of());
                    if (!"200".equals(child.fields().get("status"))) {
                        throw new IllegalStateException("Our handler did not answer 200: " + child.line());
                    }
                    oursMs.add(child.wallMs());
                    oursCpuMs.add(child.number("cpu_ms"));
                    oursConstructMs.add(child.number("construct_ms"));
                    oursInvokeMs.add(child.number("invoke_ms"));
                }
            }
        }
        long[] referenceClasses = classes(fixture, reference, referenceClass, "hello");
        long[] oursClasses = classes(fixture, ours, OURS, "ours");
        double h = Stats.median(referenceMs);
        double o = Stats.median(oursMs);
        report.line("### Cold start proxy (" + runs + " fresh JVMs each, alternating; event (de)serialization: " + SERIALIZATION + "; load " + load + " -> " + Stats.load() + ")");
        report.line("");
        double rCpu = Stats.median(referenceCpuMs);
        double oCpu = Stats.median(oursCpuMs);
        report.line("| handler | median first response (ms) | min | max | CPU time, median (ms) | classes loaded (not from CDS) | jar (MB) |");
        report.line("|---|---|---|---|---|---|---|");
        report.line("| " + referenceLabel + " | " + Stats.f1(h) + " | " + Stats.f1(min(referenceMs)) + " | " + Stats.f1(max(referenceMs)) + " | "
                + Stats.f1(rCpu) + " | " + referenceClasses[0] + " (" + referenceClasses[1] + ") | " + Stats.f2(Files.size(reference) / 1e6) + " |");
        report.line("| ApiHandler, PUT | " + Stats.f1(o) + " | " + Stats.f1(min(oursMs)) + " | " + Stats.f1(max(oursMs)) + " | "
                + Stats.f1(oCpu) + " | " + oursClasses[0] + " (" + oursClasses[1] + ") | " + Stats.f2(Files.size(ours) / 1e6) + " |");
        report.line("");
        // CPU time (all threads, JIT included) moves less with the machine's load than wall time, and it is what a fraction of a vCPU pays.
        report.line("CPU time ratio ours / " + referenceLabel + ": **" + Stats.f2(oCpu / rCpu) + "x** (" + Stats.f1(oCpu) + " / " + Stats.f1(rCpu) + " ms).");
        report.line("Ratio ours / " + referenceLabel + ": **" + Stats.f2(o / h) + "x**; in our JVM, construction "
                + Stats.f1(Stats.median(oursConstructMs)) + " ms and event + invocation " + Stats.f1(Stats.median(oursInvokeMs))
                + " ms (medians, from the launcher's main).");
        report.line("Samples reference: " + referenceMs);
        report.line("Samples ours:      " + oursMs);
        report.line("CPU ms reference: " + referenceCpuMs);
        report.line("CPU ms ours:      " + oursCpuMs);
        report.line("");
    }

    static Child launch(Fixture fixture, Path jar, String handler, String name, List<String> jvmArgs) {
        String id = fixture.newItem();
        Path event = fixture.writeEvent("put-assessment.json", id);
        return launchEvent(fixture, jar, handler, name, jvmArgs, event, List.of());
    }

    static Child launchEvent(Fixture fixture, Path jar, String handler, String name, List<String> jvmArgs, Path event,
                             List<String> extra) {
        List<String> command = new ArrayList<>();
        command.add(Paths.java());
        command.addAll(jvmArgs);
        command.add("-Dlauncher.serialization=" + SERIALIZATION);
        command.add("-Dorg.crac.Core.Compat=org.assessmentsapi.bench.launcher.crac");
        command.add("-cp");
        command.add(Paths.benchTarget().resolve("launcher.jar") + java.io.File.pathSeparator + jar);
        command.add(LAUNCHER);
        command.add(handler);
        command.add(event.toString());
        command.addAll(extra);
        Map<String, String> env = fixture.lambdaEnv();
        return Child.run(command, env, name);
    }

    private static long[] classes(Fixture fixture, Path jar, String handler, String name) throws IOException {
        Path log = Files.createDirectories(Paths.results().resolve("logs")).resolve("classes-" + name + ".log");
        Files.deleteIfExists(log);
        launch(fixture, jar, handler, "classes-" + name, List.of("-Xlog:class+load:file=" + log));
        return Child.countClasses(log);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
