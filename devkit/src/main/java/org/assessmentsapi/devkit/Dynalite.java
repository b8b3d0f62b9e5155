package org.assessmentsapi.devkit;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An in-memory dynalite server (a real DynamoDB-protocol server on Node.js) on a loopback port.
 *
 * <p>The pinned npm package lives in {@code devkit/dynalite} ({@code DYNALITE_HOME} to run from elsewhere); it is
 * installed there with {@code npm ci} on first use, so a fresh clone needs nothing but Node.js. The server stops
 * with {@link #close()}, and also when this JVM dies, because {@code server.js} exits when its stdin closes.
 */
public final class Dynalite implements AutoCloseable {

    private static final Pattern PORT_LINE = Pattern.compile("\\{\"port\":(\\d+)}");

    private final Process process;
    private final int port;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts dynalite on a free loopback port. */
    public static Dynalite start() {
        return start(0);
    }

    /** Starts dynalite on the given loopback port (0 picks a free one); used to restart on the same port. */
    public static Dynalite start(int port) {
        NodeServers.Started started = NodeServers.start(
                NodeServers.home("dynalite", "DYNALITE_HOME"),
                Map.of("DYNALITE_PORT", Integer.toString(port)),
                PORT_LINE);
        return new Dynalite(started.process(), Integer.parseInt(started.ready().group(1)));
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        ChildProcesses.stop(process);
    }
}
