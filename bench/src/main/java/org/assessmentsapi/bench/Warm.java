package org.assessmentsapi.bench;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
            AtomicReference<UpdateItemRequest> lastUpdate = new AtomicReference<>();
            ApiHandler countedHandler = Fixture.handler(config, counting(client, sdkCalls, lastUpdate));
            ApiHandler handler = Fixture.handler(config, client);

            String id = fixture.newItem();
            byte[] put = fixture.event("put-assessment.json", id);
            byte[] get = fixture.event("get-assessment.json", id);
            byte[] stale = fixture.event("put-assessment-with-version.json", id); // version 3: stale soon

            IntSupplier handlerPut = () -> Fixture.status(handler, put);
            IntSupplier rawPut = () -> {
                client.updateItem(rawUpdate(id));
                return 200;
            };
            IntSupplier handlerGet = () -> Fixture.status(handler, get);
            IntSupplier rawGet = () -> {
                client.getItem(
                        b -> b.tableName(Fixture.TABLE).key(Map.of("id", s(id))).consistentRead(true));
                return 200;
            };
            IntSupplier handler409 = () -> Fixture.status(handler, stale);
            // The handler's own request for the stale PUT (its body differs from the sample PUT's), captured below.
            AtomicReference<UpdateItemRequest> staleUpdate = new AtomicReference<>();
            IntSupplier raw409 = () -> {
                try {
                    client.updateItem(refreshed(staleUpdate.get()));
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
            expectSameShape(lastUpdate.get(), rawUpdate(id));
            expect(409, Fixture.status(countedHandler, stale));
            staleUpdate.set(lastUpdate.get());
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
    static UpdateItemRequest rawUpdate(String id) {
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        var names = new HashMap<String, String>(Map.of(
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
                "userId",
                "#lastWrite",
                "lastWrite"));
        var values = new HashMap<String, AttributeValue>(Map.of(
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
                s(Fixture.USER),
                ":lastWrite",
                s(writeToken())));
        return UpdateItemRequest.builder()
                .tableName(Fixture.TABLE)
                .key(Map.of("id", s(id)))
                .updateExpression(
                        "SET #name = :name, #status = :status, #progress = :progress, #updatedAt = :updatedAt, "
                                + "#lastWrite = :lastWrite, #version = #version + :one")
                .conditionExpression("attribute_exists(#id) AND #userId = :caller")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    /** {@code sent} again, with the values that are fresh per request renewed (the time and the write token). */
    static UpdateItemRequest refreshed(UpdateItemRequest sent) {
        var values = new HashMap<>(sent.expressionAttributeValues());
        values.put(":updatedAt", s(Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()));
        values.put(":lastWrite", s(writeToken()));
        return sent.toBuilder().expressionAttributeValues(values).build();
    }

    /** A write token of the handler's shape (32 hex digits, a fresh one per request). */
    private static String writeToken() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
    }

    /**
     * Fails unless {@code raw} is the request the handler sent ({@code handlers}: the last UpdateItem it sent) but for
     * the values that are fresh per request: same table, key, update and condition expressions, names, value
     * placeholders and return values. The comparison is only fair if both sides send DynamoDB the same work.
     */
    static void expectSameShape(UpdateItemRequest handlers, UpdateItemRequest raw) {
        boolean same = handlers.tableName().equals(raw.tableName())
                && handlers.key().equals(raw.key())
                && handlers.updateExpression().equals(raw.updateExpression())
                && Objects.equals(handlers.conditionExpression(), raw.conditionExpression())
                && handlers.expressionAttributeNames().equals(raw.expressionAttributeNames())
                && handlers.expressionAttributeValues()
                        .keySet()
                        .equals(raw.expressionAttributeValues().keySet())
                && handlers.returnValues() == raw.returnValues()
                && handlers.returnValuesOnConditionCheckFailure() == raw.returnValuesOnConditionCheckFailure();
        if (!same) {
            throw new IllegalStateException("the raw UpdateItem is not the handler's:\n" + handlers + "\n" + raw);
        }
    }

    static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    static AttributeValue n(String value) {
        return AttributeValue.builder().n(value).build();
    }

    /**
     * The client, counting each call by method name (to check one round trip per PUT) and keeping the last
     * UpdateItem it sent in {@code lastUpdate} (to check the raw request against it).
     */
    static DynamoDbClient counting(
            DynamoDbClient client, Map<String, AtomicLong> calls, AtomicReference<UpdateItemRequest> lastUpdate) {
        return (DynamoDbClient) Proxy.newProxyInstance(
                Warm.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() != Object.class
                            && !method.getName().equals("close")
                            && !method.getName().equals("serviceName")
                            && !method.getName().equals("serviceClientConfiguration")) {
                        calls.computeIfAbsent(method.getName(), k -> new AtomicLong())
                                .incrementAndGet();
                        if (args != null && args.length == 1 && args[0] instanceof UpdateItemRequest update) {
                            lastUpdate.set(update);
                        }
                    }
                    try {
                        return method.invoke(client, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
