package org.assessmentsapi.bench;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.assessmentsapi.adapter.http.ApiHandler;
import org.assessmentsapi.bootstrap.AppConfig;
import org.assessmentsapi.bootstrap.DynamoDbClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Warm latency in one JVM (started with the stack's JVM options): the handler's PUT against a raw SDK
 * UpdateItem of the same item, built the same way (same expression, condition and return values), by the same
 * client (the production DynamoDbClients wiring), measured alternately; then GET against a raw GetItem, and the
 * 409 path against a raw failing UpdateItem + GetItem (what the handler does on dynalite, which ignores
 * ReturnValuesOnConditionCheckFailure).
 */
final class Warm {

    private Warm() {}

    static void run(Report report, int warmup, int calls) {
        try (Fixture fixture = Fixture.start()) {
            Map<String, String> env = fixture.appEnv();
            AppConfig config = AppConfig.fromEnvironment(env);
            DynamoDbClient client = DynamoDbClients.create(config, env);
            Map<String, AtomicLong> sdkCalls = new ConcurrentHashMap<>();
            // The calls are counted on a handler of their own: the timed one has no proxy in its way.
            ApiHandler countedHandler = Fixture.handler(config, counting(client, sdkCalls));
            ApiHandler handler = Fixture.handler(config, client);

            String id = fixture.newItem();
            byte[] put = fixture.event("put-assessment.json", id);
            byte[] get = fixture.event("get-assessment.json", id);
            byte[] stale = fixture.event("put-assessment-with-version.json", id); // version 3: stale soon

            IntSupplier handlerPut = () -> Fixture.status(handler, put);
            IntSupplier rawPut = () -> {
                client.updateItem(rawUpdate(id, null));
                return 200;
            };
            IntSupplier handlerGet = () -> Fixture.status(handler, get);
            IntSupplier rawGet = () -> {
                client.getItem(
                        b -> b.tableName(Fixture.TABLE).key(Map.of("id", s(id))).consistentRead(true));
                return 200;
            };
            IntSupplier handler409 = () -> Fixture.status(handler, stale);
            IntSupplier raw409 = () -> {
                try {
                    client.updateItem(rawUpdate(id, 3L));
                    return 200;
                } catch (ConditionalCheckFailedException expected) {
                    client.getItem(b ->
                            b.tableName(Fixture.TABLE).key(Map.of("id", s(id))).consistentRead(true));
                    return 409;
                }
            };

            // Round trips per successful PUT, counted on the handler's client (before any timing).
            sdkCalls.clear();
            for (int i = 0; i < 100; i++) {
                expect(200, Fixture.status(countedHandler, put));
            }
            long total = sdkCalls.values().stream().mapToLong(AtomicLong::get).sum();
            String perPut = Stats.f2(total / 100.0) + " (" + sdkCalls + " for 100 PUTs)";

            // A new token for every request: the full RS256 verification each time (no remembered token).
            int freshCount = warmup / 4 + calls / 4;
            List<byte[]> fresh = new ArrayList<>(freshCount);
            for (int i = 0; i < freshCount; i++) {
                fresh.add(Fixture.event(
                        "put-assessment.json", id, fixture.issuer.token(Fixture.USER, java.time.Duration.ofHours(2))));
            }
            AtomicInteger next = new AtomicInteger();
            IntSupplier handlerPutFreshToken = () -> Fixture.status(handler, fresh.get(next.getAndIncrement()));

            String load = Stats.load();
            Pair puts = alternate(handlerPut, rawPut, 200, warmup, calls);
            Pair freshPuts = alternate(handlerPutFreshToken, rawPut, 200, warmup / 4, calls / 4);
            Pair gets = alternate(handlerGet, rawGet, 200, warmup / 2, calls / 2);
            Pair conflicts = alternate(handler409, raw409, 409, warmup / 4, calls / 4);
            report.line("### Warm, one JVM (" + Fixture.jitLabel() + "; " + warmup
                    + " warm-up pairs, then "
                    + calls + " PUT pairs, " + calls / 4 + " new-token PUT pairs, " + calls / 2 + " GET pairs, "
                    + calls / 4 + " 409 pairs, alternating; load " + load
                    + " -> " + Stats.load() + ")");
            report.line("");
            report.line(
                    "| path | handler p50 (ms) | raw SDK p50 (ms) | p50 ratio | handler p99 (ms) | raw SDK p99 (ms) | p99 ratio |");
            report.line("|---|---|---|---|---|---|---|");
            report.line(puts.row("PUT 200 vs UpdateItem (client reuses its token)"));
            report.line(freshPuts.row("PUT 200, a new token on every request (full RS256 check) vs UpdateItem"));
            report.line(gets.row("GET 200 vs GetItem"));
            report.line(conflicts.row("PUT 409 vs failed UpdateItem + GetItem"));
            report.line("");
            report.line("DynamoDB calls per successful PUT: " + perPut + ".");
            report.line("");
        }
    }

    record Pair(double[] handlerMs, double[] rawMs) {
        String row(String name) {
            double h50 = Stats.percentile(handlerMs, 50);
            double r50 = Stats.percentile(rawMs, 50);
            double h99 = Stats.percentile(handlerMs, 99);
            double r99 = Stats.percentile(rawMs, 99);
            return "| " + name + " | " + Stats.f2(h50) + " | " + Stats.f2(r50) + " | **" + Stats.f2(h50 / r50)
                    + "x** | " + Stats.f2(h99) + " | " + Stats.f2(r99) + " | **" + Stats.f2(h99 / r99) + "x** |";
        }
    }

    static Pair alternate(IntSupplier a, IntSupplier b, int expected, int warmup, int calls) {
        return alternate(a, b, expected, warmup, calls, System::nanoTime);
    }

    /** The same, timed by {@code clock} (nanoseconds): wall time here, the thread's CPU time for {@link Overhead}. */
    static Pair alternate(IntSupplier a, IntSupplier b, int expected, int warmup, int calls, LongSupplier clock) {
        for (int i = 0; i < warmup; i++) {
            Progress.step("warm-up pair", i + 1, warmup);
            expect(expected, a.getAsInt());
            expect(expected, b.getAsInt());
        }
        double[] am = new double[calls];
        double[] bm = new double[calls];
        for (int i = 0; i < calls; i++) {
            Progress.step("timed pair", i + 1, calls);
            if (i % 2 == 0) {
                am[i] = time(a, expected, clock);
                bm[i] = time(b, expected, clock);
            } else {
                bm[i] = time(b, expected, clock);
                am[i] = time(a, expected, clock);
            }
        }
        return new Pair(am, bm);
    }

    private static double time(IntSupplier call, int expected, LongSupplier clock) {
        long start = clock.getAsLong();
        int status = call.getAsInt();
        double ms = (clock.getAsLong() - start) / 1e6;
        expect(expected, status);
        return ms;
    }

    static void expect(int expected, int status) {
        if (status != expected) {
            throw new IllegalStateException("expected " + expected + ", got " + status);
        }
    }

    /** The UpdateItem the handler sends for the sample PUT body, built by hand, per call (fresh timestamp). */
    static UpdateItemRequest rawUpdate(String id, Long expectedVersion) {
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        var names = new java.util.HashMap<String, String>(Map.of(
                "#id",
                "id",
                "#name",
                "name",
                "#status",
                "status",
                "#progress",
                "progress",
                "#updatedAt",
                "updatedAt",
                "#version",
                "version",
                "#userId",
                "userId"));
        var values = new java.util.HashMap<String, AttributeValue>(Map.of(
                ":name",
                s("Q1 supplier review"),
                ":status",
                s("ANALYZING"),
                ":progress",
                n("40"),
                ":updatedAt",
                s(now),
                ":one",
                n("1"),
                ":caller",
                s(Fixture.USER)));
        String condition = "attribute_exists(#id) AND #userId = :caller";
        if (expectedVersion != null) {
            condition += " AND #version = :expectedVersion";
            values.put(":expectedVersion", n(expectedVersion.toString()));
        }
        return UpdateItemRequest.builder()
                .tableName(Fixture.TABLE)
                .key(Map.of("id", s(id)))
                .updateExpression(
                        "SET #name = :name, #status = :status, #progress = :progress, #updatedAt = :updatedAt, "
                                + "#version = #version + :one")
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    static AttributeValue n(String value) {
        return AttributeValue.builder().n(value).build();
    }

    /** The client, counting each call by method name (to check one round trip per PUT). */
    static DynamoDbClient counting(DynamoDbClient client, Map<String, AtomicLong> calls) {
        return (DynamoDbClient) Proxy.newProxyInstance(
                Warm.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() != Object.class
                            && !method.getName().equals("close")
                            && !method.getName().equals("serviceName")
                            && !method.getName().equals("serviceClientConfiguration")) {
                        calls.computeIfAbsent(method.getName(), k -> new AtomicLong())
                                .incrementAndGet();
                    }
                    try {
                        return method.invoke(client, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
