package org.assessmentsapi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assessmentsapi.devkit.lambda.TaskRoot;

/**
 * The cold start under AWS's runtime interface client: a fresh execution environment per run ({@link RuntimeRun}:
 * the jar unpacked as the task root, the stack's {@code JAVA_TOOL_OPTIONS}, the function's variables) serving one
 * PUT (JWT verified, one UpdateItem), and of the events function applying one SQS message, against a hello-world
 * POJO handler started the same way. The three alternate in rotating order in the same run, each on its own new item.
 */
final class Cold {

    static final String HELLO = "org.assessmentsapi.bench.hello.HelloHandler::handleRequest";
    static final String OURS = "org.assessmentsapi.adapter.http.ApiHandler";
    /** The event-driven function's handler (SQS batch in, batch response out). */
    static final String EVENTS = "org.assessmentsapi.adapter.events.AssessmentEventsHandler";

    private Cold() {}

    /** The samples of one handler. */
    private record Samples(List<Double> wallMs, List<Double> initMs, List<Double> invokeMs, List<Double> cpuMs) {
        Samples() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        void add(RuntimeRun run) {
            wallMs.add(run.wallMs());
            initMs.add(run.initMs());
            invokeMs.add(run.invokeMs());
            cpuMs.add(run.cpuMs());
        }
    }

    static void run(Fixture fixture, Report report, int runs) throws IOException {
        // -Dcold.baseline=<another functions.jar>: compare two builds of ApiHandler, the baseline in hello world's
        // place.
        String baseline = System.getProperty("cold.baseline");
        Path referenceJar =
                baseline != null ? Path.of(baseline) : Paths.benchTarget().resolve("hello.jar");
        String referenceHandler = baseline != null ? OURS : HELLO;
        String referenceLabel =
                baseline != null ? "baseline " + referenceJar.getFileName() : "hello world (POJO RequestHandler)";
        Path oursJar = Paths.functionsJar();
        String load = Stats.load();
        Samples reference = new Samples();
        Samples ours = new Samples();
        Samples events = new Samples();
        long[] referenceClasses;
        long[] oursClasses;
        long[] eventsClasses;
        try (TaskRoot referenceRoot = TaskRoot.unpack(referenceJar);
                TaskRoot oursRoot = TaskRoot.unpack(oursJar)) {
            // One discarded pair first: the page cache and dynalite's JIT are warm for every measured run.
            put(fixture, referenceRoot, referenceHandler, "warmup-reference", RuntimeRun.Options.PLAIN);
            put(fixture, oursRoot, OURS, "warmup-ours", RuntimeRun.Options.PLAIN);
            message(fixture, oursRoot, "warmup-events", RuntimeRun.Options.PLAIN);
            for (int i = 0; i < runs; i++) {
                for (int k = 0; k < 3; k++) {
                    switch ((i + k) % 3) { // each variant first in turn
                        case 0 ->
                            reference.add(put(
                                    fixture,
                                    referenceRoot,
                                    referenceHandler,
                                    "cold-reference-" + i,
                                    RuntimeRun.Options.PLAIN));
                        case 1 -> ours.add(put(fixture, oursRoot, OURS, "cold-ours-" + i, RuntimeRun.Options.PLAIN));
                        default -> events.add(message(fixture, oursRoot, "cold-events-" + i, RuntimeRun.Options.PLAIN));
                    }
                }
            }
            referenceClasses = classes(
                    put(fixture, referenceRoot, referenceHandler, "classes-reference", RuntimeRun.Options.CLASSES));
            oursClasses = classes(put(fixture, oursRoot, OURS, "classes-ours", RuntimeRun.Options.CLASSES));
            eventsClasses = classes(message(fixture, oursRoot, "classes-events", RuntimeRun.Options.CLASSES));
        }
        double h = Stats.median(reference.wallMs());
        double o = Stats.median(ours.wallMs());
        double rCpu = Stats.median(reference.cpuMs());
        double oCpu = Stats.median(ours.cpuMs());
        report.line("### Cold start under the runtime interface client (" + runs
                + " fresh environments each, alternating; JDK " + Runtime.version() + "; load " + load + " -> "
                + Stats.load() + ")");
        report.line("");
        report.line(
                "| handler | median to first response (ms) | min | max | init, median (ms) | invocation, median (ms) "
                        + "| CPU time, median (ms) | classes loaded (first invocation) | jar (MB) |");
        report.line("|---|---|---|---|---|---|---|---|---|");
        row(report, referenceLabel, reference, referenceClasses, referenceJar);
        row(report, "ApiHandler, PUT (JWT + UpdateItem)", ours, oursClasses, oursJar);
        row(report, "AssessmentEventsHandler, one SQS message (UpdateItem)", events, eventsClasses, oursJar);
        report.line("");
        double e = Stats.median(events.wallMs());
        double eCpu = Stats.median(events.cpuMs());
        report.line("Ratio events / " + referenceLabel + ": **" + Stats.f2(e / h) + "x** wall, **"
                + Stats.f2(eCpu / rCpu) + "x** CPU time.");
        // CPU time (all threads, JIT included) moves less with the machine's load than wall time, and it is what a
        // fraction of a vCPU pays.
        report.line("Ratio ours / " + referenceLabel + ": **" + Stats.f2(o / h) + "x** wall, **" + Stats.f2(oCpu / rCpu)
                + "x** CPU time (" + Stats.f1(o) + " / " + Stats.f1(h) + " ms; " + Stats.f1(oCpu) + " / "
                + Stats.f1(rCpu) + " ms).");
        report.line("Samples reference: " + reference.wallMs());
        report.line("Samples ours:      " + ours.wallMs());
        report.line("Samples events:    " + events.wallMs());
        report.line("CPU ms reference: " + reference.cpuMs());
        report.line("CPU ms ours:      " + ours.cpuMs());
        report.line("");
    }

    /** One fresh environment of {@code handler} serving the sample PUT on a new item; fails unless it answered 200. */
    static RuntimeRun put(Fixture fixture, TaskRoot root, String handler, String name, RuntimeRun.Options options) {
        String id = fixture.newItem();
        RuntimeRun run = RuntimeRun.of(
                fixture, root.path(), handler, fixture.eventJson("put-assessment.json", id), name, options);
        if (run.status() != 200) {
            throw new IllegalStateException(handler + " did not answer 200: " + run.answer());
        }
        return run;
    }

    /** One fresh environment of the events function applying the sample SQS message to a new item (version 1 to 2). */
    static RuntimeRun message(Fixture fixture, TaskRoot root, String name, RuntimeRun.Options options) {
        String id = fixture.newItem();
        RuntimeRun run =
                RuntimeRun.of(fixture, root.path(), EVENTS, fixture.eventJson(Priming.SQS_EVENT, id), name, options);
        if (run.batchItemFailures() != 0 || fixture.version(id) != 2) {
            throw new IllegalStateException(EVENTS + " did not apply its message: " + run.answer());
        }
        return run;
    }

    private static long[] classes(RuntimeRun run) {
        return new long[] {run.classesTotal(), run.classesFirstInvocation()};
    }

    private static void row(Report report, String label, Samples samples, long[] classes, Path jar) throws IOException {
        report.line("| " + label + " | " + Stats.f1(Stats.median(samples.wallMs())) + " | "
                + Stats.f1(min(samples.wallMs()))
                + " | " + Stats.f1(max(samples.wallMs())) + " | " + Stats.f1(Stats.median(samples.initMs())) + " | "
                + Stats.f1(Stats.median(samples.invokeMs())) + " | " + Stats.f1(Stats.median(samples.cpuMs())) + " | "
                + classes[0] + " (" + classes[1] + ") | " + Stats.f2(Files.size(jar) / 1e6) + " |");
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
