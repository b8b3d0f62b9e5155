package org.assessmentsapi.bench;

import java.util.ArrayList;
import java.util.List;
import org.assessmentsapi.devkit.lambda.TaskRoot;

/**
 * Priming under the runtime interface client: a fresh environment per run, with SnapStart
 * ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}: the RIC runs the org.crac {@code beforeCheckpoint} hooks,
 * calls {@code restore/next}, runs {@code afterRestore}) or without, alternating; then one real invocation, whose
 * loaded classes are counted from the class-load log between the runtime's first and second {@code next}
 * ({@link RuntimeRun}): the RIC's own event handling included. For both functions: the API (one real PUT) and the
 * events function (one real SQS message updating a real item from version 1 to 2).
 */
final class Priming {

    static final String API_EVENT = "put-assessment.json";
    static final String SQS_EVENT = "sqs-assessment-update.json";

    private Priming() {}

    /** The samples of one handler, primed and not. */
    private record Samples(
            List<Double> primed,
            List<Double> unprimed,
            List<Double> primedInvokeMs,
            List<Double> unprimedInvokeMs,
            List<Double> primedInitMs,
            List<Double> unprimedInitMs) {
        Samples() {
            this(
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>());
        }
    }

    static void run(Fixture fixture, Report report, int runs) {
        String load = Stats.load();
        Samples api;
        Samples events;
        try (TaskRoot root = TaskRoot.unpack(Paths.functionsJar())) {
            api = measure(fixture, root, runs, "priming-api", Cold.OURS, API_EVENT);
            events = measure(fixture, root, runs, "priming-events", Cold.EVENTS, SQS_EVENT);
        }
        report.line("### Priming under the runtime interface client (" + runs
                + " fresh environments each, alternating; JDK " + Runtime.version() + "; load " + load + " -> "
                + Stats.load() + ")");
        report.line("");
        report.line(
                "| first real invocation | classes loaded by it, runtime included (median) | min-max | invocation (ms, median) | init (ms, median) |");
        report.line("|---|---|---|---|---|");
        rows(report, "ApiHandler, PUT", api);
        rows(report, "AssessmentEventsHandler, SQS message", events);
        report.line("");
    }

    private static Samples measure(
            Fixture fixture, TaskRoot root, int runs, String name, String handler, String eventFile) {
        Samples samples = new Samples();
        for (int i = 0; i < runs; i++) {
            Progress.step(name + " run", i + 1, runs);
            for (boolean prime : i % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                RuntimeRun run = serve(
                        fixture,
                        root,
                        handler,
                        eventFile,
                        name + "-" + (prime ? "snapstart" : "plain") + "-" + i,
                        prime);
                (prime ? samples.primed() : samples.unprimed()).add((double) run.classesFirstInvocation());
                (prime ? samples.primedInvokeMs() : samples.unprimedInvokeMs()).add(run.invokeMs());
                (prime ? samples.primedInitMs() : samples.unprimedInitMs()).add(run.initMs());
            }
        }
        return samples;
    }

    /**
     * One fresh environment of {@code handler} serving the sample {@code eventFile} on a new item, with SnapStart or
     * without; fails unless the invocation really succeeded (API: 200; events: no batch item failure and the
     * item's version moved from 1 to 2) and, with SnapStart, {@code restore/next} came before the first {@code next}.
     */
    static RuntimeRun serve(
            Fixture fixture, TaskRoot root, String handler, String eventFile, String name, boolean snapStart) {
        String id = fixture.newItem();
        RuntimeRun run = RuntimeRun.of(
                fixture,
                root.path(),
                handler,
                fixture.eventJson(eventFile, id),
                name,
                new RuntimeRun.Options(snapStart, true));
        boolean served = handler.equals(Cold.EVENTS)
                ? run.batchItemFailures() == 0 && fixture.version(id) == 2
                : run.status() == 200;
        if (!served) {
            throw new IllegalStateException(handler + " did not serve its invocation: " + run.answer());
        }
        List<String> start = run.calls().subList(0, snapStart ? 2 : 1);
        if (!start.equals(snapStart ? List.of("restore/next", "next") : List.of("next"))) {
            throw new IllegalStateException(handler + ": unexpected runtime calls " + run.calls());
        }
        return run;
    }

    private static void rows(Report report, String handler, Samples samples) {
        report.line("| " + handler + ", without SnapStart | " + (long) Stats.median(samples.unprimed()) + " | "
                + range(samples.unprimed()) + " | " + Stats.f1(Stats.median(samples.unprimedInvokeMs())) + " | "
                + Stats.f1(Stats.median(samples.unprimedInitMs())) + " |");
        report.line("| " + handler + ", SnapStart (priming, restore/next) | " + (long) Stats.median(samples.primed())
                + " | "
                + range(samples.primed()) + " | " + Stats.f1(Stats.median(samples.primedInvokeMs())) + " | "
                + Stats.f1(Stats.median(samples.primedInitMs())) + " |");
    }

    private static String range(List<Double> values) {
        long min = (long) values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        long max = (long) values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return min + "-" + max;
    }
}
