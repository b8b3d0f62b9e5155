package org.assessmentsapi.bench.probe.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay in front of dynalite whose connections can all be cut at once: the stand-in for what a
 * SnapStart restore does to the connections a priming opened (they are gone; the client still holds them).
 * JDK only, so that it adds nothing to the probe jars beyond itself. Two threads per connection, one per direction.
 */
public final class LoopbackRelay implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    public LoopbackRelay(URI target) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("relay-accept", this::acceptForever);
    }

    /** The relay's address, to give the client instead of the target's. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Connections accepted so far (a client that reconnects after {@link #cut()} opens a new one). */
    public int connections() {
        return accepted.get();
    }

    /** Closes every relayed connection, both sides; new connections are still accepted. */
    public void cut() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                accepted.incrementAndGet();
                daemon("relay-up", () -> pipe(client, upstream));
                daemon("relay-down", () -> pipe(upstream, client));
            } catch (IOException e) {
                // closed server, or a refused upstream connection: the client sees its connection fail
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // cut or closed: end this direction
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut();
    }
}
