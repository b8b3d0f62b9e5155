package org.assessmentsapi.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.assessmentsapi.adapter.http.ProblemType;

/**
 * The runner's HTTP/1.1 server on loopback: persistent connections, one virtual thread each, every request to one
 * {@link HttpHandler} through {@link LocalExchange}. Not the JDK's {@code HttpServer}, which answers some requests
 * itself before any handler, in ways API Gateway does not: an interim {@code 100 Continue} with
 * {@code Content-Length: 0} (RFC 9110 section 15.2 forbids it on a 1xx), {@code OPTIONS *} and request targets it
 * cannot parse with HTML, requests with {@code Connection: close} closed without saying so. Here the handler sees
 * every request it can be given ({@code OPTIONS *} included), and what cannot reach it (a head that is not HTTP/1.1,
 * over {@link RequestHead#MAX_BYTES}, ambiguous body framing) is refused with a problem of the API's catalogue.
 */
final class LocalHttpServer implements AutoCloseable {

    /** An idle keep-alive connection is closed after this long, as API Gateway closes idle connections. */
    static final int IDLE_TIMEOUT_MS = 30_000;

    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private LocalHttpServer(ServerSocket socket) {
        this.socket = socket;
    }

    /** Listens on {@code address} at once (a port in use fails here), serving nothing before {@link #start}. */
    static LocalHttpServer bind(InetSocketAddress address, int backlog) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(address, backlog);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new LocalHttpServer(socket);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Accepts connections from now on, each served by {@code handler}. */
    void start(HttpHandler handler) {
        Thread.ofPlatform().daemon().name("local-http-accept").start(() -> accept(handler));
    }

    private void accept(HttpHandler handler) {
        while (!closed) {
            try {
                Socket connection = socket.accept();
                open.add(connection);
                connections.execute(() -> serve(connection, handler));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("local: accept failed: " + e);
                }
            }
        }
    }

    /** Requests one after the other until one asks to close, the client closes, or the connection idles out. */
    private void serve(Socket connection, HttpHandler handler) {
        try (connection) {
            connection.setTcpNoDelay(true);
            connection.setSoTimeout(IDLE_TIMEOUT_MS);
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = new BufferedOutputStream(connection.getOutputStream());
            InetSocketAddress remote = (InetSocketAddress) connection.getRemoteSocketAddress();
            InetSocketAddress local = (InetSocketAddress) connection.getLocalSocketAddress();
            boolean more = true;
            while (more && !closed) {
                RequestHead head;
                LocalExchange exchange;
                try {
                    head = RequestHead.read(in);
                    if (head == null) {
                        return;
                    }
                    exchange = new LocalExchange(head, in, out, remote, local, closed);
                } catch (RequestHead.Refused refused) {
                    refuse(out, refused);
                    return;
                }
                handler.handle(exchange);
                exchange.finish();
                more = !exchange.closesConnection();
            }
        } catch (SocketTimeoutException | SocketException idleOrReset) {
            // the client went away, or left the connection idle: nothing to answer
        } catch (IOException | RuntimeException e) {
            System.err.println("local: connection failed: " + e);
        } finally {
            open.remove(connection);
        }
    }

    /** A head that cannot be served: its problem, then the connection ends (what follows cannot be framed). */
    private static void refuse(OutputStream out, RequestHead.Refused refused) throws IOException {
        ProblemType type = refused.status == 431 ? ProblemType.HEADERS_TOO_LARGE : ProblemType.VALIDATION;
        OutgoingResponse problem = ExchangeHandler.problem(type, refused.getMessage(), Map.of());
        Headers headers = new Headers();
        headers.putAll(problem.headers());
        headers.set("Content-Length", Integer.toString(problem.body().length));
        headers.set("Connection", "close");
        LocalExchange.writeHead(out, problem.status(), headers);
        out.write(problem.body());
        out.flush();
    }

    /** Stops accepting, closes every connection (requests in flight fail), and waits briefly for their threads. */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(connection -> {
            try {
                connection.close();
            } catch (IOException e) {
                // closing anyway
            }
        });
        connections.shutdownNow();
    }
}
