package org.assessmentsapi.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP server that accepts connections and never answers: a store that hangs. Counts the
 * connections, which with a fresh client per test are the SDK's attempts.
 */
public final class SilentServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    public SilentServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(this::acceptForever, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    public int connections() {
        return accepted.size();
    }

    private void acceptForever() {
        try {
            while (!socket.isClosed()) {
                accepted.add(socket.accept()); // held open, never read or answered
            }
        } catch (IOException closed) {
            // close() ends the loop
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
            for (Socket connection : accepted) {
                connection.close();
            }
        } catch (IOException ignored) {
            // closing a test server: nothing to do
        }
    }
}
