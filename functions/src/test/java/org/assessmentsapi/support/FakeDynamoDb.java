package org.assessmentsapi.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that answers every DynamoDB call with one error, as DynamoDB spells it
 * ({@code __type} in a JSON body), and counts the calls and the connections they came on: the SDK's retry
 * policy and the HTTP client's connection reuse are seen from outside.
 * Used only for errors that a real server cannot produce on demand (throttling, internal errors).
 */
public final class FakeDynamoDb implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final Set<InetSocketAddress> clients = ConcurrentHashMap.newKeySet();
    private final int status;
    private final byte[] body;

    private FakeDynamoDb(int status, String errorType) {
        this.status = status;
        this.body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + errorType
                        + "\",\"message\":\"injected by the test\"}")
                .getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "fake-dynamodb");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** Answers every call with this HTTP status and DynamoDB error type. */
    public static FakeDynamoDb failingWith(int status, String errorType) {
        return new FakeDynamoDb(status, errorType);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many HTTP requests (SDK attempts) arrived. */
    public int requests() {
        return requests.get();
    }

    /** How many TCP connections they came on (distinct client addresses and ports). */
    public int connections() {
        return clients.size();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        clients.add(exchange.getRemoteAddress());
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().set("x-amzn-RequestId", "FAKE" + requests.get());
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
