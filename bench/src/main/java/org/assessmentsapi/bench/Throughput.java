package org.assessmentsapi.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.assessmentsapi.adapter.http.ApiHandler;
import org.assessmentsapi.bootstrap.AppConfig;
import org.assessmentsapi.bootstrap.DynamoDbClients;
import org.assessmentsapi.local.LocalApi;
import org.assessmentsapi.local.LocalOptions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Sustained PUTs per second with 8 threads, each on its own item, through the handler, and through the raw
 * SDK for reference, alternating rounds (handler, raw, handler, raw, ...) of a fixed duration; then over HTTP
 * through the local runner ({@code LocalApi}: the production wiring behind a loopback HTTP server).
 */
final class Throughput {

    static final int THREADS = 8;

    private Throughput() {}

    static void run(Report report, int rounds, long roundMillis) throws InterruptedException {
        try (Fixture fixture = Fixture.start()) {
            Map<String, String> env = fixture.appEnv();
            AppConfig config = AppConfig.fromEnvironment(env);
            DynamoDbClient client = DynamoDbClients.create(config, env);
            ApiHandler handler = Fixture.handler(config, client);
            List<String> ids = new ArrayList<>();
            List<byte[]> events = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                String id = fixture.newItem();
                ids.add(id);
                events.add(fixture.event("put-assessment.json", id));
            }
            String load = Stats.load();
            measure(t -> Fixture.status(handler, events.get(t)) == 200, 2000); // warm-up
            measure(t -> client.updateItem(Warm.rawUpdate(ids.get(t))) != null, 2000);
            List<Double> viaHandler = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                Progress.step("round", r + 1, rounds);
                viaHandler.add(measure(t -> Fixture.status(handler, events.get(t)) == 200, roundMillis));
                raw.add(measure(t -> client.updateItem(Warm.rawUpdate(ids.get(t))) != null, roundMillis));
            }
            List<Double> overHttp = overHttp(fixture, ids, rounds, roundMillis);
            report.line(
                    "### Throughput, " + THREADS + " threads on distinct items (" + rounds + " alternating rounds of "
                            + roundMillis / 1000.0 + " s; load " + load + " -> " + Stats.load() + ")");
            report.line("");
            report.line("| path | PUTs/s (median of rounds) | rounds |");
            report.line("|---|---|---|");
            report.line("| ApiHandler.handleRequest (in process) | " + Math.round(Stats.median(viaHandler)) + " | "
                    + rounded(viaHandler) + " |");
            report.line("| raw SDK UpdateItem (same client) | " + Math.round(Stats.median(raw)) + " | " + rounded(raw)
                    + " |");
            report.line("| HTTP PUT through the local runner (LocalApi, loopback) | "
                    + Math.round(Stats.median(overHttp)) + " | " + rounded(overHttp) + " |");
            report.line("");
        }
    }

    /** The same PUTs over HTTP: the local runner (production wiring behind an HTTP server) on loopback. */
    private static List<Double> overHttp(Fixture fixture, List<String> ids, int rounds, long roundMillis)
            throws InterruptedException {
        try (LocalApi api = LocalApi.start(LocalOptions.ephemeral(fixture.appEnv()))) {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(java.time.Duration.ofSeconds(2))
                    .build();
            String body = "{\"name\": \"Q1 supplier review\", \"status\": \"ANALYZING\", \"progress\": 40}";
            List<HttpRequest> requests = new ArrayList<>();
            for (String id : ids) {
                requests.add(HttpRequest.newBuilder(api.baseUri().resolve("/api/assessments/" + id))
                        .timeout(java.time.Duration.ofSeconds(5))
                        .header("Authorization", "Bearer " + fixture.token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build());
            }
            Call put = t -> http.send(requests.get(t), HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
            measure(put, 2000);
            List<Double> results = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                results.add(measure(put, roundMillis));
            }
            return results;
        }
    }

    interface Call {
        boolean run(int thread) throws Exception;
    }

    /** Calls per second over the duration, all threads together; a failed call stops the benchmark. */
    static double measure(Call call, long millis) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                try {
                    while (!stop.get()) {
                        if (!call.run(thread)) {
                            throw new IllegalStateException("call failed");
                        }
                        done.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(millis);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("throughput run failed", failures.get(0));
        }
        return done.get() / seconds;
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> Long.toString(Math.round(v))).toList().toString();
    }
}
