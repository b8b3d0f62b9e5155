package org.assessmentsapi.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Priming: in a fresh JVM, construct the handler, call its SnapStart hook as a checkpoint would, then serve
 * one real PUT and count the classes that this first invocation still loads (with and without priming).
 */
final class Priming {

    private Priming() {
    }

    static void run(Fixture fixture, Report report, int runs) {
        String load = Stats.load();
        List<Double> primed = new ArrayList<>();
        List<Double> primedWithEvent = new ArrayList<>();
        List<Double> unprimed = new ArrayList<>();
        List<Double> primedInvokeMs = new ArrayList<>();
        List<Double> unprimedInvokeMs = new ArrayList<>();
        Path jar = Paths.functionsJar();
        for (int i = 0; i < runs; i++) {
            for (boolean prime : i % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                String id = fixture.newItem();
                Path event = fixture.writeEvent("put-assessment.json", id);
                Child child = Cold.launchEvent(fixture, jar, Cold.OURS, "priming-" + prime + "-" + i, List.of(), event,
                        List.of(prime ? "prime" : "count"));
                if (!"200".equals(child.fields().get("status"))) {
                    throw new IllegalStateException("Our handler did not answer 200: " + child.line());
                }
                (prime ? primed : unprimed).add(child.number("classes_first_invoke"));
                (prime ? primedInvokeMs : unprimedInvokeMs).add(child.number("invoke_ms"));
                if (prime) {
                    primedWithEvent.add(child.number("classes_first_event_with_deserialization"));
                }
            }
        }
        report.line("### Priming (" + runs + " fresh JVMs each; load " + load + ")");
        report.line("");
        report.line("| first real PUT after construction | classes loaded by handleRequest (median) | min-max | first event + invocation (ms, median) |");
        report.line("|---|---|---|---|");
        report.line("| without priming | " + (long) Stats.median(unprimed) + " | " + range(unprimed) + " | "
                + Stats.f1(Stats.median(unprimedInvokeMs)) + " |");
        report.line("| after beforeCheckpoint + afterRestore | " + (long) Stats.median(primed) + " | " + range(primed) + " | "
                + Stats.f1(Stats.median(primedInvokeMs)) + " |");
        report.line("");
        report.line("With the runtime's deserialization of the event counted as well (it is not the handler's code): "
                + (long) Stats.median(primedWithEvent) + " classes after priming.");
        report.line("");
    }

    private static String range(List<Double> values) {
        long min = (long) values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        long max = (long) values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return min + "-" + max;
    }
}
