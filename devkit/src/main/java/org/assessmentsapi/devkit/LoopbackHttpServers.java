package org.assessmentsapi.devkit;

/**
 * Settings of the JDK's built-in HTTP server for the development servers that use it (the development issuer's
 * JWKS, the Lambda Runtime API fixture; the local runner has its own HTTP/1.1 server).
 */
public final class LoopbackHttpServers {

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private LoopbackHttpServers() {}

    /**
     * Turns on TCP_NODELAY for the JDK HTTP server (unless set otherwise on the command line). Without it
     * a response written as headers then body meets the client's delayed ACK: every request measured
     * ~55 ms instead of ~10 ms on loopback. The JDK reads the property once, when its first server starts,
     * so this must run before any {@code HttpServer.create} in the JVM.
     */
    public static void enableNoDelay() {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }
}
