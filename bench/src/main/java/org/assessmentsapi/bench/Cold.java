package org.assessmentsapi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assessmentsapi.devkit.lambda.TaskRoot;

/**
 * The cold start under AWS's runtime interface client: a fresh execution environment per run ({@link RuntimeRun}:
 * the jar unpacked as the task root, the stack's {@code JAVA_TOOL_OPTIONS}, the function's variables) of each
 * variant, in rotating order in the same run, each on its own new item: a hello-world POJO handler (the reference),
 * the API serving one PUT (JWT verified, one UpdateItem), the events function applying one SQS message, the floor
 * ({@code SdkFloorHandler}: the bare SDK client and one UpdateItem) and, with {@code -Dcold.baseline=<jar>}, both
 * functions of another build.
 */
final class Cold {

    static final String HELLO = "org.assessmentsapi.bench.hello.HelloHandler::handleRequest";
    static final String OURS = "org.assessmentsapi.adapter.http.ApiHandler";
    /** The event-driven function's handler (SQS batch in, batch response out). */
    static final String EVENTS = "org.assessmentsapi.adapter.events.AssessmentEventsHandler";
    /** The floor: the bare SDK client and one UpdateItem, nothing of ours (in probe-crt.jar). */
    static final String FLOOR = "org.assessmentsapi.bench.probe.SdkFloorHandler";

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

    /** One measured variant: a handler in a task root, serving the sample PUT or the sample SQS message. */
    private record Variant(String label, Path jar, String handler, boolean sqs, Samples samples) {
        Variant(String label, Path jar, String handler, boolean sqs) {
            this(label, jar, handler, sqs, new Samples());
        }

        RuntimeRun serve(Fixture fixture, TaskRoot root, String name, RuntimeRun.Options options) {
            return sqs ? message(fixture, root, handler, name, options) : put(fixture, root, handler, name, options);
        }
    }

    static void run(Fixture fixture, Report report, int runs) throws IOException {
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant(
                        "hello world (POJO RequestHandler)", Paths.benchTarget().resolve("hello.jar"), HELLO, false),
                new Variant("ApiHandler, PUT (JWT + UpdateItem)", Paths.functionsJar(), OURS, false),
                new Variant(
                        "AssessmentEventsHandler, one SQS message (UpdateItem)", Paths.functionsJar(), EVENTS, true)));
        Path floorJar = Paths.benchTarget().resolve("probe-crt.jar");
        if (Files.isRegularFile(floorJar)) {
            variants.add(new Variant(
                    "floor: bare SDK client (CRT) + one UpdateItem, stream handler", floorJar, FLOOR, false));
        }
        // -Dcold.baseline=<functions.jar>[,<functions.jar>...]: both functions of other builds, in the same rotation.
        for (String baseline : System.getProperty("cold.baseline", "").split(",")) {
            if (!baseline.isBlank()) {
                Path jar = Path.of(baseline.trim());
                String name = jar.getFileName().toString();
                variants.add(new Variant("ApiHandler, PUT, " + name, jar, OURS, false));
                variants.add(new Variant("AssessmentEventsHandler, SQS message, " + name, jar, EVENTS, true));
            }
        }
        String load = Stats.load();
        List<long[]> classes = new ArrayList<>();
        List<TaskRoot> roots = new ArrayList<>();
        try {
            for (Variant variant : variants) {
                roots.add(TaskRoot.unpack(variant.jar()));
            }
            // One discarded run of each first: the page cache and dynalite's JIT are warm for every measured run.
            for (int v = 0; v < variants.size(); v++) {
                Progress.step("discarded run", v + 1, variants.size());
                variants.get(v).serve(fixture, roots.get(v), "warmup-" + v, RuntimeRun.Options.PLAIN);
            }
            for (int i = 0; i < runs; i++) {
                Progress.step("run", i + 1, runs);
                for (int k = 0; k < variants.size(); k++) {
                    int v = (i + k) % variants.size(); // each variant first in turn
                    Variant variant = variants.get(v);
                    variant.samples()
                            .add(variant.serve(fixture, roots.get(v), "cold-" + v + "-" + i, RuntimeRun.Options.PLAIN));
                }
            }
            for (int v = 0; v < variants.size(); v++) {
                Progress.step("class-count run", v + 1, variants.size());
                RuntimeRun run =
                        variants.get(v).serve(fixture, roots.get(v), "classes-" + v, RuntimeRun.Options.CLASSES);
                classes.add(new long[] {run.classesTotal(), run.classesFirstInvocation()});
            }
        } finally {
            roots.forEach(TaskRoot::close);
        }
        report.line("### Cold start under the runtime interface client (" + runs
                + " fresh environments each, alternating; JDK " + Runtime.version() + "; load " + load + " -> "
                + Stats.load() + ")");
        report.line("");
        report.line(
                "| handler | median to first response (ms) | min | max | init, median (ms) | invocation, median (ms) "
                        + "| CPU time, median (ms) | classes loaded (first invocation) | jar (MB) | / hello, wall | / hello, CPU |");
        report.line("|---|---|---|---|---|---|---|---|---|---|---|");
        Samples hello = variants.get(0).samples();
        for (int v = 0; v < variants.size(); v++) {
            row(report, variants.get(v), classes.get(v), hello);
        }
        report.line("");
        // CPU time (all threads, JIT included) moves less with the machine's load than wall time, and it is what a
        // fraction of a vCPU pays.
        for (Variant variant : variants) {
            report.line("Samples " + variant.label() + ": wall "
                    + variant.samples().wallMs() + ", CPU " + variant.samples().cpuMs());
        }
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

    /** One fresh environment of the events function {@code handler} applying the sample SQS message to a new item (version 1 to 2). */
    static RuntimeRun message(Fixture fixture, TaskRoot root, String handler, String name, RuntimeRun.Options options) {
        String id = fixture.newItem();
        RuntimeRun run =
                RuntimeRun.of(fixture, root.path(), handler, fixture.eventJson(Priming.SQS_EVENT, id), name, options);
        if (run.batchItemFailures() != 0 || fixture.version(id) != 2) {
            throw new IllegalStateException(handler + " did not apply its message: " + run.answer());
        }
        return run;
    }

    private static void row(Report report, Variant variant, long[] classes, Samples hello) throws IOException {
        Samples samples = variant.samples();
        report.line("| " + variant.label() + " | " + Stats.f1(Stats.median(samples.wallMs())) + " | "
                + Stats.f1(min(samples.wallMs()))
                + " | " + Stats.f1(max(samples.wallMs())) + " | " + Stats.f1(Stats.median(samples.initMs())) + " | "
                + Stats.f1(Stats.median(samples.invokeMs())) + " | " + Stats.f1(Stats.median(samples.cpuMs())) + " | "
                + classes[0] + " (" + classes[1] + ") | " + Stats.f2(Files.size(variant.jar()) / 1e6) + " | **"
                + Stats.f2(Stats.median(samples.wallMs()) / Stats.median(hello.wallMs())) + "x** | **"
                + Stats.f2(Stats.median(samples.cpuMs()) / Stats.median(hello.cpuMs())) + "x** |");
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
