package org.assessmentsapi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.assessmentsapi.adapter.http.ApiHandler;
import org.assessmentsapi.bootstrap.CannedDynamoDb;
import org.assessmentsapi.devkit.DevIssuer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The handler's own CPU cost per request, which the network round trip of {@link Warm} (~2.4 ms on loopback)
 * drowns: in one JVM with the stack's options (C1 only), the handler's PUT and the raw SDK UpdateItem of
 * {@link Warm#rawUpdate} run alternately over the same DynamoDB client, whose HTTP client is the in-process
 * canned responder of the start-up warm-up ({@link CannedDynamoDb}: no socket, no data). Both sides pay the
 * SDK's marshalling, signing and unmarshalling; the difference is the handler's work (event, route, JWT,
 * body, validation, expression, mapping, response). Timed by the thread's CPU clock, so that time spent
 * descheduled on the shared machine is not counted. The JWKS comes from a local issuer, once; the tokens
 * for the "new token every request" case are all signed before the timing starts.
 */
final class Overhead {

    private static final String ID = Fixture.SAMPLE_ID;

    private Overhead() {}

    static void run(Report report, int warmup, int calls) {
        try (DevIssuer issuer = DevIssuer.start()) {
            CannedApi api = CannedApi.create(issuer.issuer(), issuer.audience(), issuer.jwksUrl());
            DynamoDbClient client = api.client();
            ApiHandler handler = api.handler();

            byte[] put = Fixture.event("put-assessment.json", ID, issuer.token(Fixture.USER, Duration.ofHours(2)));
            IntSupplier handlerPut = () -> Fixture.status(handler, put);
            IntSupplier rawPut = () -> {
                client.updateItem(Warm.rawUpdate(ID));
                return 200;
            };
            int freshWarmup = warmup / 4;
            int freshCalls = calls / 4;
            List<byte[]> fresh = new ArrayList<>(freshWarmup + freshCalls);
            for (int i = 0; i < freshWarmup + freshCalls; i++) {
                fresh.add(Fixture.event("put-assessment.json", ID, issuer.token(Fixture.USER, Duration.ofHours(2))));
            }
            AtomicInteger next = new AtomicInteger();
            IntSupplier handlerPutFreshToken = () -> Fixture.status(handler, fresh.get(next.getAndIncrement()));

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            LongSupplier cpu = threads::getCurrentThreadCpuTime;
            String load = Stats.load();
            Warm.Pair reused = Warm.alternate(handlerPut, rawPut, 200, warmup, calls, cpu);
            Warm.Pair renewed = Warm.alternate(handlerPutFreshToken, rawPut, 200, freshWarmup, freshCalls, cpu);
            report.line("### Handler overhead, in-process DynamoDB responder (" + Fixture.jitLabel()
                    + "; "
                    + warmup + " warm-up pairs, then " + calls + " PUT pairs and " + freshCalls
                    + " new-token PUT pairs, alternating; thread CPU time; load " + load + " -> " + Stats.load() + ")");
            report.line("");
            report.line(
                    "| path | handler p50 (us) | raw SDK p50 (us) | overhead p50 (us) | p50 ratio | handler p99 (us) | raw SDK p99 (us) |");
            report.line("|---|---|---|---|---|---|---|");
            report.line(row("PUT 200 vs UpdateItem (token reused)", reused));
            report.line(row("PUT 200, a new token on every request", renewed));
            report.line("");
        }
    }

    private static String row(String name, Warm.Pair pair) {
        double h50 = Stats.percentile(pair.handlerMs(), 50) * 1000;
        double r50 = Stats.percentile(pair.rawMs(), 50) * 1000;
        return "| " + name + " | " + Stats.f1(h50) + " | " + Stats.f1(r50) + " | **" + Stats.f1(h50 - r50) + "** | "
                + Stats.f2(h50 / r50) + "x | " + Stats.f1(Stats.percentile(pair.handlerMs(), 99) * 1000) + " | "
                + Stats.f1(Stats.percentile(pair.rawMs(), 99) * 1000) + " |";
    }
}
