package org.assessmentsapi.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SDK's HTTP clients on their own ({@code HttpClientProbe}, in the same probe-CLIENT.jar as the cold and warm
 * rows of {@link Clients}): each client's execution of the captured signed UpdateItem against the floor, a raw
 * buffered {@code HttpURLConnection} POST of the same request in the same JVM (dense, 2 JVMs per client in the
 * order A B C C B A; and sparse, each sender's calls seconds apart, 1 JVM each), and the first UpdateItem after a
 * SnapStart-style restore (primed connection cut, medians of {@code restoreRuns} JVMs, round-robin).
 */
final class ClientFloor {

    static final List<String> SDK_CLIENTS = List.of("url", "apache5", "crt");
    private static final String PROBE = "org.assessmentsapi.bench.probe.HttpClientProbe";

    private ClientFloor() {}

    static void run(
            Fixture fixture, Report report, String id, int calls, int sparseCalls, long gapMillis, int restoreRuns) {
        String load = Stats.load();
        List<String> present = SDK_CLIENTS.stream()
                .filter(c -> Files.isRegularFile(Clients.jar(c)))
                .toList();
        Map<String, Samples> samples = new LinkedHashMap<>();
        present.forEach(c -> samples.put(c, new Samples()));
        List<String> order = new ArrayList<>(present);
        List<String> reversed = new ArrayList<>(present);
        Collections.reverse(reversed);
        order.addAll(reversed);
        for (int j = 0; j < order.size(); j++) {
            String client = order.get(j);
            Progress.step("own-call JVM", j + 1, order.size());
            Child dense = probe(fixture, client, "calls", id, List.of(Integer.toString(calls)));
            samples.get(client)
                    .add(
                            "client",
                            dense.number("client_p50_us"),
                            "client99",
                            dense.number("client_p99_us"),
                            "raw",
                            dense.number("raw_p50_us"),
                            "raw99",
                            dense.number("raw_p99_us"));
        }
        for (String client : present) {
            Child sparse = probe(
                    fixture, client, "sparse", id, List.of(Integer.toString(sparseCalls), Long.toString(gapMillis)));
            samples.get(client)
                    .add("sparseClient", sparse.number("client_p50_us"), "sparseRaw", sparse.number("raw_p50_us"));
        }
        for (int i = 0; i < restoreRuns; i++) {
            Progress.step("restore run", i + 1, restoreRuns);
            for (int k = 0; k < present.size(); k++) {
                String client = present.get((i + k) % present.size());
                Child restored = probe(fixture, client, "restore", id, List.of(Long.toString(gapMillis)));
                samples.get(client)
                        .add(
                                "restoreMs",
                                restored.number("first_ms") * 1000,
                                "restoreClasses",
                                restored.number("classes"),
                                "attempts",
                                restored.number("attempts"),
                                "connections",
                                restored.number("connections"));
            }
        }
        report.line(
                "### HTTP client on its own vs a raw buffered HttpURLConnection POST of the same signed UpdateItem ("
                        + calls + " alternating pairs after as many untimed, 2 JVMs each; sparse: " + sparseCalls
                        + " pairs, each sender's calls "
                        + gapMillis + " ms apart; restore: primed, connections cut, " + gapMillis
                        + " ms, one UpdateItem, "
                        + restoreRuns + " JVMs each; load " + load + " -> " + Stats.load() + ")");
        report.line("");
        report.line(
                "| client | client p50 / p99 (ms) | raw p50 / p99 (ms) | p50 ratio | sparse: client p50 | sparse: raw p50 | sparse ratio "
                        + "| after restore: first UpdateItem (ms, median) | classes it loads | SDK attempts | new connections |");
        report.line("|---|---|---|---|---|---|---|---|---|---|---|");
        for (String client : present) {
            Samples s = samples.get(client);
            report.line("| " + client + " | " + ms(s.median("client")) + " / " + ms(s.median("client99")) + " | "
                    + ms(s.median("raw"))
                    + " / " + ms(s.median("raw99")) + " | " + Stats.f2(s.median("client") / s.median("raw")) + "x | "
                    + ms(s.median("sparseClient")) + " | " + ms(s.median("sparseRaw")) + " | "
                    + Stats.f2(s.median("sparseClient") / s.median("sparseRaw")) + "x | " + ms(s.median("restoreMs"))
                    + " | "
                    + s.range("restoreClasses") + " | " + s.range("attempts") + " | " + s.range("connections") + " |");
        }
        report.line("");
    }

    private static Child probe(Fixture fixture, String client, String mode, String id, List<String> args) {
        return Clients.probe(fixture, client, PROBE, mode, id, List.of(), args);
    }

    private static String ms(double micros) {
        return Stats.f2(micros / 1000);
    }

    /** Named sample lists of one client. */
    private static final class Samples {
        private final Map<String, List<Double>> values = new LinkedHashMap<>();

        /** Name-value pairs: {@code add("a", 1.0, "b", 2.0)}. */
        void add(Object... pairs) {
            for (int i = 0; i < pairs.length; i += 2) {
                values.computeIfAbsent((String) pairs[i], k -> new ArrayList<>())
                        .add(((Number) pairs[i + 1]).doubleValue());
            }
        }

        double median(String name) {
            return Stats.median(values.get(name));
        }

        /** "n" when every sample is n, else "min-max". */
        String range(String name) {
            List<Double> list = values.get(name);
            long min = Math.round(Collections.min(list));
            long max = Math.round(Collections.max(list));
            return min == max ? Long.toString(min) : min + "-" + max;
        }
    }
}
