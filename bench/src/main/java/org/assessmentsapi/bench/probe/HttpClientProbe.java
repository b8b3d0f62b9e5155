package org.assessmentsapi.bench.probe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.assessmentsapi.bench.probe.relay.LoopbackRelay;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The HTTP client on its own, for the client choice (docs/benchmarks.md, "HTTP client"). The request is the signed
 * conditional UpdateItem that {@link ClientProbe} sends, captured from the SDK just before transmission (dynalite
 * does not check signatures, so the same signed bytes can be sent again).
 * <ul>
 *   <li>{@code calls N}: N untimed then N timed pairs, alternating (A B, B A, ...): the SDK HTTP client of this jar
 *   executing the request, and the floor, the JDK's {@code HttpURLConnection} POSTing the same headers and body
 *   with the body buffered (no streaming mode, hence none of the JDK's 1 ms probe of a kept-alive connection).
 *   Both read the whole response; both reuse one kept-alive connection.</li>
 *   <li>{@code sparse N GAP_MS}: the same after 2,000 dense pairs (JIT), then N pairs, each sender's calls GAP_MS
 *   apart, as a function called every few seconds sees it (GAP_MS longer than Apache's 2 s validate-after-inactivity,
 *   shorter than the 5 s keep-alive of dynalite's Node.js server).</li>
 *   <li>{@code restore PAUSE_MS}: SnapStart-style. The DynamoDB client talks through a {@link LoopbackRelay}; two
 *   UpdateItems prime it (the snapshot), the relay cuts every connection (the restore's stand-in: the primed
 *   connection is gone, the client still holds it), PAUSE_MS pass, then one UpdateItem: its time, the classes it
 *   loads, the SDK's attempts, the connections opened.</li>
 * </ul>
 * Usage: {@code java -cp probe-CLIENT.jar HttpClientProbe CLIENT MODE ENDPOINT TABLE ID [ARGS]}. Prints one RESULT line, then halts.
 */
public final class HttpClientProbe {

    private HttpClientProbe() {}

    public static void main(String[] args) throws Exception {
        String client = args[0];
        String mode = args[1];
        URI endpoint = URI.create(args[2]);
        String table = args[3];
        String id = args[4];
        String result = switch (mode) {
            case "calls" -> calls(client, endpoint, table, id, Integer.parseInt(args[5]));
            case "sparse" -> sparse(client, endpoint, table, id, Integer.parseInt(args[5]), Long.parseLong(args[6]));
            case "restore" -> restore(client, endpoint, table, id, Long.parseLong(args[5]));
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        System.out.println("RESULT " + result);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static String calls(String client, URI endpoint, String table, String id, int n) {
        Pair pair = Pair.capture(client, endpoint, table, id);
        pair.run(n, 0);
        return pair.run(n, 0);
    }

    private static String sparse(String client, URI endpoint, String table, String id, int n, long gapMillis) {
        Pair pair = Pair.capture(client, endpoint, table, id);
        pair.run(2000, 0);
        return pair.run(n, gapMillis);
    }

    private static String restore(String client, URI endpoint, String table, String id, long pauseMillis)
            throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                attempts.incrementAndGet();
            }
        };
        try (LoopbackRelay relay = new LoopbackRelay(endpoint)) {
            DynamoDbClient dynamoDb = ClientProbe.dynamoDb(
                    ClientProbe.httpClient(client),
                    relay.endpoint(),
                    ClientOverrideConfiguration.builder()
                            .addExecutionInterceptor(counter)
                            .build());
            dynamoDb.updateItem(ClientProbe.request(table, id));
            dynamoDb.updateItem(ClientProbe.request(table, id));
            relay.cut();
            Thread.sleep(pauseMillis);
            int connectionsBefore = relay.connections();
            int attemptsBefore = attempts.get();
            long classesBefore = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
            long t0 = System.nanoTime();
            dynamoDb.updateItem(ClientProbe.request(table, id));
            long elapsed = System.nanoTime() - t0;
            long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classesBefore;
            return String.format(
                    Locale.ROOT,
                    "first_ms=%.2f classes=%d attempts=%d connections=%d",
                    elapsed / 1e6,
                    classes,
                    attempts.get() - attemptsBefore,
                    relay.connections() - connectionsBefore);
        }
    }

    /** One signed request, and the two ways of sending it that are compared. */
    private record Pair(SdkHttpClient httpClient, SdkHttpRequest request, byte[] body) {

        static Pair capture(String client, URI endpoint, String table, String id) {
            AtomicReference<SdkHttpRequest> request = new AtomicReference<>();
            AtomicReference<byte[]> body = new AtomicReference<>();
            ExecutionInterceptor capture = new ExecutionInterceptor() {
                @Override
                public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                    request.set(context.httpRequest());
                    body.set(context.requestBody().map(HttpClientProbe::bytes).orElse(new byte[0]));
                }
            };
            SdkHttpClient httpClient = ClientProbe.httpClient(client);
            ClientProbe.dynamoDb(
                            httpClient,
                            endpoint,
                            ClientOverrideConfiguration.builder()
                                    .addExecutionInterceptor(capture)
                                    .build())
                    .updateItem(ClientProbe.request(table, id));
            return new Pair(httpClient, request.get(), body.get());
        }

        /**
         * {@code n} pairs; back to back (order alternating) or, with {@code gapMillis}, each sender's calls exactly
         * that far apart (half of it before every call, order fixed); p50/p99 of both, in microseconds.
         */
        String run(int n, long gapMillis) {
            long[] client = new long[n];
            long[] raw = new long[n];
            for (int i = 0; i < n; i++) {
                if (i % 2 == 0 || gapMillis > 0) {
                    client[i] = timed(this::viaClient, gapMillis / 2);
                    raw[i] = timed(this::viaHttpUrlConnection, gapMillis / 2);
                } else {
                    raw[i] = timed(this::viaHttpUrlConnection, gapMillis / 2);
                    client[i] = timed(this::viaClient, gapMillis / 2);
                }
            }
            return "client_p50_us=" + percentile(client, 50) + " client_p99_us=" + percentile(client, 99)
                    + " raw_p50_us=" + percentile(raw, 50) + " raw_p99_us=" + percentile(raw, 99);
        }

        void viaClient() {
            try {
                HttpExecuteResponse response = httpClient
                        .prepareRequest(HttpExecuteRequest.builder()
                                .request(request)
                                .contentStreamProvider(() -> new ByteArrayInputStream(body))
                                .build())
                        .call();
                try (InputStream in = response.responseBody().orElseThrow()) {
                    in.readAllBytes();
                }
                expect200(response.httpResponse().statusCode());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void viaHttpUrlConnection() {
            try {
                HttpURLConnection connection =
                        (HttpURLConnection) request.getUri().toURL().openConnection();
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setConnectTimeout(1_000);
                connection.setReadTimeout(2_000);
                for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
                    // The JDK sets these two itself (same values) and refuses them from the caller.
                    if (!header.getKey().equalsIgnoreCase("Host")
                            && !header.getKey().equalsIgnoreCase("Content-Length")) {
                        header.getValue().forEach(value -> connection.addRequestProperty(header.getKey(), value));
                    }
                }
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
                int status = connection.getResponseCode();
                try (InputStream in = connection.getInputStream()) {
                    in.readAllBytes();
                }
                expect200(status);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static long timed(Runnable call, long pauseMillis) {
        if (pauseMillis > 0) {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        long t0 = System.nanoTime();
        call.run();
        return (System.nanoTime() - t0) / 1000;
    }

    private static void expect200(int status) {
        if (status != 200) {
            throw new IllegalStateException("dynalite answered " + status);
        }
    }

    private static byte[] bytes(software.amazon.awssdk.core.sync.RequestBody body) {
        try (InputStream in = body.contentStreamProvider().newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
