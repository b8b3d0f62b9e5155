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
    static final String OURS = "org.assessmentsapi.http.ApiHandler";
    /** The event-driven function's handler (SQS batch in, batch response out): the priming part only. */
    static final String EVENTS = "org.assessmentsapi.events.AssessmentEventsHandler";
    private static final String LAUNCHER = "org.assessmentsapi.bench.launcher.Launcher";
    /** {@code lite} (default: JDK-only event mapping) or {@code runtime} (aws-lambda-java-serialization). */
    static final String SERIALIZATION = System.getProperty("cold.serialization", "lite");

    private Cold() {
    }

    static void run(Fixture fixture, Report report, int runs) throws IOException {
        Path hello = Paths.benchTarget().resolve("hello.jar");
        Path ours = Paths.functionsJar();
        String load = Stats.load();
        List<Double> helloMs = new ArrayList<>();
        List<Double> oursMs = new ArrayList<>();
        List<Double> oursConstructMs = new ArrayList<>();
        List<Double> oursInvokeMs = new ArrayList<>();
        // One discarded pair first: the page cache and dynalite's JIT are warm for every measured run.
        launch(fixture, hello, HELLO, "warmup-hello", List.of());
        launch(fixture, ours, OURS, "warmup-ours", List.of());
        for (int i = 0; i < runs; i++) {
            boolean helloFirst = i % 2 == 0;
            for (int k = 0; k < 2; k++) {
                if ((k == 0) == helloFirst) {
                    helloMs.add(launch(fixture, hello, HELLO, "cold-hello-" + i, List.of()).wallMs());
                } else {
                    Child child = launch(fixture, ours, OURS, "cold-ours-" + i, List.of());
                    if (!"200".equals(child.fields().get("status"))) {
                        throw new IllegalStateException("Our handler did not answer 200: " + child.line());
                    }
                    oursMs.add(child.wallMs());
                    oursConstructMs.add(child.number("construct_ms"));
                    oursInvokeMs.add(child.number("invoke_ms"));
                }
            }
        }
        long[] helloClasses = classes(fixture, hello, HELLO, "hello");
        long[] oursClasses = classes(fixture, ours, OURS, "ours");
        double h = Stats.median(helloMs);
        double o = Stats.median(oursMs);
        report.line("### Cold start proxy (" + runs + " fresh JVMs each, alternating; event (de)serialization: " + SERIALIZATION + "; load " + load + " -> " + Stats.load() + ")");
        report.line("");
        report.line("| handler | median first response (ms) | min | max | classes loaded (not from CDS) | jar (MB) |");
        report.line("|---|---|---|---|---|---|");
        report.line("| hello world | " + Stats.f1(h) + " | " + Stats.f1(min(helloMs)) + " | " + Stats.f1(max(helloMs)) + " | "
                + helloClasses[0] + " (" + helloClasses[1] + ") | " + Stats.f2(Files.size(hello) / 1e6) + " |");
        report.line("| ApiHandler, PUT | " + Stats.f1(o) + " | " + Stats.f1(min(oursMs)) + " | " + Stats.f1(max(oursMs)) + " | "
                + oursClasses[0] + " (" + oursClasses[1] + ") | " + Stats.f2(Files.size(ours) / 1e6) + " |");
        report.line("");
        report.line("Ratio ours / hello world: **" + Stats.f2(o / h) + "x**; in our JVM, construction "
                + Stats.f1(Stats.median(oursConstructMs)) + " ms and event + invocation " + Stats.f1(Stats.median(oursInvokeMs))
                + " ms (medians, from the launcher's main).");
        report.line("Samples hello: " + helloMs);
        report.line("Samples ours:  " + oursMs);
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
