package org.assessmentsapi.devkit.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assessmentsapi.devkit.LoopbackHttpServers;

/**
 * The Lambda Runtime API (version 2018-06-01) on a loopback port, for AWS's runtime interface client (RIC) in a
 * JVM of its own ({@link LambdaProcess}): the part of the Lambda service that a runtime talks to.
 *
 * <ul>
 *   <li>{@code GET /2018-06-01/runtime/invocation/next}: a long poll; answers with the next queued invocation
 *   ({@link #invoke}): the event as the body, and the headers {@code Lambda-Runtime-Aws-Request-Id},
 *   {@code -Deadline-Ms}, {@code -Invoked-Function-Arn}, {@code -Trace-Id}. There is no client context and no
 *   Cognito identity, as for an API Gateway or SQS invocation, so those two headers are absent.</li>
 *   <li>{@code POST .../invocation/{id}/response} and {@code .../invocation/{id}/error}: the function's answer,
 *   which completes the invocation's future; answered with 202, as Lambda does (the RIC checks it).</li>
 *   <li>{@code POST .../init/error}: the initialization failed; captured in {@link #initError()}.</li>
 *   <li>{@code GET .../restore/next}: SnapStart: the RIC calls it after the {@code beforeCheckpoint} hooks
 *   ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}), and this answers at once, as a restore would; the
 *   calls are counted and ordered in {@link #calls()}.</li>
 * </ul>
 *
 * <p>One function process per server: invocations are served one at a time, in order.
 */
public final class RuntimeApi implements AutoCloseable {

    public static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:assessments-test";
    /** The deadline of an invocation queued without one, from when it is queued: the events function's timeout in the stack. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final Pattern ANSWER = Pattern.compile(PREFIX + "invocation/([^/]+)/(response|error)");

    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Answer>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Answer> initError = new CompletableFuture<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile Runnable onNext = () -> {};

    /** A queued invocation: what {@code next} hands out. */
    private record Invocation(String requestId, String event, Instant deadline) {}

    private RuntimeApi(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static RuntimeApi start() {
        LoopbackHttpServers.enableNoDelay();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // The long poll holds a thread: one per connection, daemon so that a stuck function never blocks exit.
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "runtime-api");
                thread.setDaemon(true);
                return thread;
            });
            RuntimeApi api = new RuntimeApi(server, executor);
            server.createContext(PREFIX, api::serve);
            server.setExecutor(executor);
            server.start();
            return api;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the Runtime API server", e);
        }
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an invocation with the default deadline ({@link #DEFAULT_TIMEOUT} from now). */
    public CompletableFuture<Answer> invoke(String event) {
        return invoke(event, Instant.now().plus(DEFAULT_TIMEOUT));
    }

    /** Queues an invocation whose {@code Lambda-Runtime-Deadline-Ms} is {@code deadline}; completes with the function's answer. */
    public CompletableFuture<Answer> invoke(String event, Instant deadline) {
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        pending.put(requestId, answer);
        queue.add(new Invocation(requestId, event, deadline));
        return answer;
    }

    /** Completes when the runtime reports an initialization error. */
    public CompletableFuture<Answer> initError() {
        return initError;
    }

    /** Completes at the runtime's first {@code next}: its initialization (and SnapStart restore, if any) is over. */
    public CompletableFuture<Void> ready() {
        return ready;
    }

    /** The runtime's calls so far, in order: {@code next}, {@code restore/next}, {@code response}, {@code error}, {@code init/error}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /**
     * Runs {@code action} on every {@code next} request, before the invocation is handed out: the function is
     * then blocked in its long poll, between two invocations (the benchmark reads its class-load log there).
     */
    public void onNextRequest(Runnable action) {
        onNext = action;
    }

    @Override
    public void close() {
        server.stop(0);
        // Ends a long poll still waiting for an invocation.
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Matcher answer = ANSWER.matcher(path);
            if (method.equals("GET") && path.equals(PREFIX + "invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && answer.matches()) {
                calls.add(answer.group(2));
                CompletableFuture<Answer> future = pending.remove(answer.group(1));
                if (future == null) {
                    send(exchange, 400, "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                future.complete(new Answer(
                        answer.group(1),
                        answer.group(2).equals("error"),
                        exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"),
                        text(body)));
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.equals(PREFIX + "init/error")) {
                calls.add("init/error");
                initError.complete(new Answer(
                        null,
                        true,
                        exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"),
                        text(body)));
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("GET") && path.equals(PREFIX + "restore/next")) {
                calls.add("restore/next");
                send(exchange, 200, "");
            } else {
                send(
                        exchange,
                        404,
                        "{\"errorMessage\":\"not part of the 2018-06-01 Runtime API: " + method + " " + path + "\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        calls.add("next");
        onNext.run();
        ready.complete(null);
        Invocation invocation;
        try {
            invocation = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set(
                "Lambda-Runtime-Deadline-Ms",
                Long.toString(invocation.deadline().toEpochMilli()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        headers.set(
                "Lambda-Runtime-Trace-Id",
                "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                        + invocation.requestId().replace("-", "").substring(0, 24) + ";Sampled=0");
        send(exchange, 200, invocation.event());
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
