package org.assessmentsapi.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Priming: in a fresh JVM, construct the handler, call its SnapStart hook as a checkpoint would, then serve
 * one real request and count the classes that this first invocation still loads (with and without priming).
 * For both functions: the API (one real PUT) and the events function (one real SQS message updating a real item).
 */
final class Priming {

    static final String API_EVENT = "put-assessment.json";
    static final String SQS_EVENT = "sqs-assessment-update.json";

    private Priming() {
    }

    /** The samples of one handler, primed and not. */
    private record Samples(List<Double> primed, List<Double> unprimed, List<Double> primedWithEvent,
                           List<Double> primedInvokeMs, List<Double> unprimedInvokeMs) {
        Samples() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    static void run(Fixture fixture, Report report, int runs) {
        String load = Stats.load();
        Samples api = measure(fixture, runs, "priming", Cold.OURS, API_EVENT);
        Samples events = measure(fixture, runs, "priming-events", Cold.EVENTS, SQS_EVENT);
        report.line("### Priming (" + runs + " fresh JVMs each; load " + load + " -> " + Stats.load() + ")");
        report.line("");
        report.line("| first real request after construction | classes loaded by handleRequest (median) | min-max | first event + invocation (ms, median) |");
        report.line("|---|---|---|---|");
        rows(report, "ApiHandler, PUT", api);
        rows(report, "AssessmentEventsHandler, SQS message", events);
        report.line("");
        report.line("With the runtime's deserialization of the event counted as well (it is not the handler's code), after priming: "
                + (long) Stats.median(api.primedWithEvent()) + " classes (API), "
                + (long) Stats.median(events.primedWithEvent()) + " classes (events).");
        report.line("");
    }

    private static Samples measure(Fixture fixture, int runs, String name, String handler, String eventFile) {
        Samples samples = new Samples();
        for (int i = 0; i < runs; i++) {
            for (boolean prime : i % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                Child child = launch(fixture, handler, eventFile, name + "-" + prime + "-" + i, prime);
                (prime ? samples.primed() : samples.unprimed()).add(child.number("classes_first_invoke"));
                (prime ? samples.primedInvokeMs() : samples.unprimedInvokeMs()).add(child.number("invoke_ms"));
                if (prime) {
                    samples.primedWithEvent().add(child.number("classes_first_event_with_deserialization"));
                }
            }
        }
        return samples;
    }

    /**
     * One fresh JVM of {@code handler} serving the sample {@code eventFile} on a new item, with or without the
     * hook; fails unless the request really succeeded (API: 200; events: no batch item failure and the item's
     * version moved from 1 to 2).
     */
    static Child launch(Fixture fixture, String handler, String eventFile, String name, boolean prime) {
        String id = fixture.newItem();
        Path event = fixture.writeEvent(eventFile, id);
        Child child = Cold.launchEvent(fixture, Paths.functionsJar(), handler, name, List.of(), event,
                List.of(prime ? "prime" : "count"));
        boolean served = handler.equals(Cold.EVENTS)
                ? "0".equals(child.fields().get("batch_item_failures")) && fixture.version(id) == 2
                : "200".equals(child.fields().get("status"));
        if (!served) {
            throw new IllegalStateException(handler + " did not serve its request: " + child.line());
        }
        return child;
    }

    private static void rows(Report report, String handler, Samples samples) {
        report.line("| " + handler + ", without priming | " + (long) Stats.median(samples.unprimed()) + " | " + range(samples.unprimed())
                + " | " + Stats.f1(Stats.median(samples.unprimedInvokeMs())) + " |");
        report.line("| " + handler + ", after beforeCheckpoint + afterRestore | " + (long) Stats.median(samples.primed()) + " | "
                + range(samples.primed()) + " | " + Stats.f1(Stats.median(samples.primedInvokeMs())) + " |");
    }

    private static String range(List<Double> values) {
        long min = (long) values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        long max = (long) values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return min + "-" + max;
    }
}
