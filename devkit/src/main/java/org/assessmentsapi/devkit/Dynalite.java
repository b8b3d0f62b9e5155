package org.assessmentsapi.devkit;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory dynalite server (a real DynamoDB-protocol server on Node.js) on a loopback port.
 *
 * <p>The pinned npm package lives in {@code devkit/dynalite}; it is installed there with {@code npm ci}
 * on first use, so a fresh clone needs nothing but Node.js. The server stops with {@link #close()},
 * and also when this JVM dies, because {@code server.js} exits when its stdin closes.
 */
public final class Dynalite implements AutoCloseable {

    private static final Pattern PORT_LINE = Pattern.compile("\\{\"port\":(\\d+)}");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

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
        Path home = home();
        ensureInstalled(home);
        // The absolute path names the process (pgrep -f devkit/dynalite/server.js finds leftovers).
        ProcessBuilder builder = new ProcessBuilder(
                        List.of("node", home.resolve("server.js").toString()))
                .directory(home.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("DYNALITE_PORT", Integer.toString(port));
        try {
            Process process = builder.start();
            int actualPort = readPort(process);
            return new Dynalite(process, actualPort);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not start dynalite with 'node' (is Node.js installed?): " + e.getMessage(), e);
        }
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

    private static int readPort(Process process) throws IOException {
        // A reader thread keeps the start from hanging forever if node never prints its port.
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var result = new java.util.concurrent.CompletableFuture<Integer>();
        Thread thread = new Thread(
                () -> {
                    try {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            Matcher matcher = PORT_LINE.matcher(line.trim());
                            if (matcher.matches() && !result.isDone()) {
                                result.complete(Integer.parseInt(matcher.group(1)));
                            }
                        }
                        result.completeExceptionally(
                                new IllegalStateException("dynalite exited without printing its port"));
                    } catch (IOException e) {
                        result.completeExceptionally(e);
                    }
                },
                "dynalite-stdout");
        thread.setDaemon(true);
        thread.start();
        try {
            return result.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("dynalite did not start within " + START_TIMEOUT.toSeconds() + " s", e);
        }
    }

    /** Installs the pinned dynalite from its lock file when the clone has never done so. */
    private static synchronized void ensureInstalled(Path home) {
        if (Files.isDirectory(home.resolve("node_modules/dynalite"))) {
            return;
        }
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("'npm ci' failed in " + home);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run 'npm ci' in " + home + " (is npm installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing dynalite", e);
        }
    }

    /**
     * The folder holding {@code server.js}: {@code DYNALITE_HOME} when set, else {@code devkit/dynalite}
     * found by walking up from the working directory (Maven runs tests in each module's folder).
     */
    static Path home() {
        String configured = System.getenv("DYNALITE_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (File dir = new File("").getAbsoluteFile(); dir != null; dir = dir.getParentFile()) {
            Path candidate = dir.toPath().resolve("devkit/dynalite");
            if (Files.isRegularFile(candidate.resolve("server.js"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find devkit/dynalite/server.js above " + new File("").getAbsolutePath()
                + "; run from the repository or set DYNALITE_HOME");
    }
}
