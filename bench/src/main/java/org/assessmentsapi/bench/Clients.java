package org.assessmentsapi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP client choice, measured: a bare DynamoDbClient per client (probe-CLIENT.jar holds the SDK and that
 * client only), cold (fresh JVM, stack options, build + one conditional UpdateItem; round-robin) and warm
 * (p50/p99 per UpdateItem after warm-up, each client twice, in the order A B C C B A). The last row, {@code minimal},
 * is no SDK client at all: the same UpdateItem signed and sent by hand ({@code MinimalDynamoDbProbe}), the floor
 * of the "no SDK" option discussed in docs/benchmarks.md; {@code signer} is the same, signed by the SDK's signer.
 * Then {@link ClientFloor}: each SDK client's own call against a raw buffered POST, sparse calls, and a restore.
 */
final class Clients {

    static final List<String> CLIENTS = List.of("url", "apache5", "crt", "signer", "minimal");
    private static final String PROBE = "org.assessmentsapi.bench.probe.ClientProbe";
    /** Not an SDK client: the "no SDK" floor (SigV4 + HttpURLConnection + jackson-core), for the decision in docs/benchmarks.md. */
    private static final String MINIMAL_PROBE = "org.assessmentsapi.bench.minimal.MinimalDynamoDbProbe";

    private Clients() {}

    static void run(Fixture fixture, Report report, int coldRuns, int warmCalls) throws IOException {
        String load = Stats.load();
        String id = fixture.newItem();
        List<String> present =
                CLIENTS.stream().filter(c -> Files.isRegularFile(jar(c))).toList();
        Map<String, List<Double>> cold = new LinkedHashMap<>();
        Map<String, List<Double>> p50 = new LinkedHashMap<>();
        Map<String, List<Double>> p99 = new LinkedHashMap<>();
        present.forEach(c -> {
            cold.put(c, new ArrayList<>());
            p50.put(c, new ArrayList<>());
            p99.put(c, new ArrayList<>());
        });
        for (String client : present) {
            probe(fixture, client, "cold", id, List.of(), 0); // discarded: page cache
        }
        for (int i = 0; i < coldRuns; i++) {
            Progress.step("cold run", i + 1, coldRuns);
            for (int k = 0; k < present.size(); k++) {
                String client = present.get((i + k) % present.size());
                cold.get(client)
                        .add(probe(fixture, client, "cold", id, List.of(), 0).wallMs());
            }
        }
        List<String> order = new ArrayList<>(present);
        List<String> reversed = new ArrayList<>(present);
        java.util.Collections.reverse(reversed);
        order.addAll(reversed);
        for (int j = 0; j < order.size(); j++) {
            String client = order.get(j);
            Progress.step("warm JVM", j + 1, order.size());
            Child warm = probe(fixture, client, "warm", id, List.of(), warmCalls);
            p50.get(client).add(warm.number("p50_us") / 1000);
            p99.get(client).add(warm.number("p99_us") / 1000);
        }
        report.line("### HTTP client: bare DynamoDbClient + one client (cold: " + coldRuns
                + " fresh JVMs each, round-robin; warm: " + warmCalls
                + " UpdateItems after as many warm-up calls, 2 JVMs each; load " + load + " -> " + Stats.load() + ")");
        report.line("");
        report.line(
                "| client | cold: build + first UpdateItem (ms, median) | classes loaded (not from CDS) | warm p50 (ms) | warm p99 (ms) | probe jar (MB) |");
        report.line("|---|---|---|---|---|---|");
        for (String client : present) {
            long[] classes = classes(fixture, client, id);
            report.line("| " + client + " | " + Stats.f1(Stats.median(cold.get(client))) + " | " + classes[0] + " ("
                    + classes[1] + ") | "
                    + Stats.f2(Stats.median(p50.get(client))) + " | " + Stats.f2(Stats.median(p99.get(client))) + " | "
                    + Stats.f2(Files.size(jar(client)) / 1e6) + " |");
        }
        report.line("");
        ClientFloor.run(
                fixture,
                report,
                id,
                warmCalls,
                Integer.getInteger("clients.sparse.calls", 16),
                Long.getLong("clients.sparse.gap", 2500L),
                Integer.getInteger("clients.restore.runs", 5));
    }

    private static Child probe(
            Fixture fixture, String client, String mode, String id, List<String> jvmArgs, int calls) {
        String main = client.equals("minimal") || client.equals("signer") ? MINIMAL_PROBE : PROBE;
        return probe(
                fixture, client, main, mode, id, jvmArgs, calls > 0 ? List.of(Integer.toString(calls)) : List.of());
    }

    /** A fresh JVM with the stack's JVM options running {@code main CLIENT MODE ENDPOINT TABLE ID ARGS...} from probe-CLIENT.jar. */
    static Child probe(
            Fixture fixture,
            String client,
            String main,
            String mode,
            String id,
            List<String> jvmArgs,
            List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.java());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(jar(client).toString());
        command.add(main);
        command.add(client);
        command.add(mode);
        command.add(fixture.dynalite.endpoint().toString());
        command.add(Fixture.TABLE);
        command.add(id);
        command.addAll(args);
        return Child.run(
                command,
                Map.of("JAVA_TOOL_OPTIONS", Fixture.ON_DEMAND_JAVA_TOOL_OPTIONS),
                "probe-" + client + "-" + mode);
    }

    private static long[] classes(Fixture fixture, String client, String id) throws IOException {
        Path log = Files.createDirectories(Paths.results().resolve("logs")).resolve("classes-probe-" + client + ".log");
        Files.deleteIfExists(log);
        probe(fixture, client, "cold", id, List.of("-Xlog:class+load:file=" + log), 0);
        return Child.countClasses(log);
    }

    static Path jar(String client) {
        return Paths.benchTarget().resolve("probe-" + client + ".jar");
    }
}
