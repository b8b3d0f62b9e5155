package org.assessmentsapi.devkit;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The development servers that run on Node.js from a folder of the project with a pinned npm package ({@code
 * devkit/dynalite}, {@code devkit/oidc}): found above the working directory, installed with {@code npm ci} from
 * their lock file on first use, started as {@code node server.js}, which prints one JSON line with its port once it
 * listens and exits when its stdin closes (so it never outlives the JVM that started it).
 */
final class NodeServers {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private NodeServers() {}

    /**
     * The folder holding {@code server.js}: {@code variable} when set, else {@code devkit/<folder>} found by walking
     * up from the working directory (Maven runs tests in each module's folder).
     */
    static Path home(String folder, String variable) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (File dir = new File("").getAbsoluteFile(); dir != null; dir = dir.getParentFile()) {
            Path candidate = dir.toPath().resolve("devkit").resolve(folder);
            if (Files.isRegularFile(candidate.resolve("server.js"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find devkit/" + folder + "/server.js above "
                + new File("").getAbsolutePath() + "; run from the repository or set " + variable);
    }

    /**
     * Starts {@code node server.js} in {@code home} (installing its package first if needed) with {@code env} added,
     * and waits for the line that matches {@code ready}; returns the process and that match.
     */
    static Started start(Path home, Map<String, String> env, Pattern ready) {
        FirstUseInstalls.npmPackage(home);
        // The absolute path names the process (pgrep -f devkit/<folder>/server.js finds leftovers).
        ProcessBuilder builder = new ProcessBuilder(
                        List.of("node", home.resolve("server.js").toString()))
                .directory(home.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            return new Started(process, readLine(process, ready, home));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not start " + home + "/server.js with 'node' (is Node.js installed?): " + e.getMessage(), e);
        }
    }

    record Started(Process process, MatchResult ready) {}

    private static MatchResult readLine(Process process, Pattern ready, Path home) throws IOException {
        // A reader thread keeps the start from hanging forever if node never prints its line.
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var result = new CompletableFuture<MatchResult>();
        Thread thread = new Thread(
                () -> {
                    try {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            Matcher matcher = ready.matcher(line.trim());
                            if (matcher.matches() && !result.isDone()) {
                                result.complete(matcher.toMatchResult());
                            }
                        }
                        result.completeExceptionally(
                                new IllegalStateException(home + "/server.js exited without printing its port"));
                    } catch (IOException e) {
                        result.completeExceptionally(e);
                    }
                },
                home.getFileName() + "-stdout");
        thread.setDaemon(true);
        thread.start();
        try {
            return result.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    home + "/server.js did not start within " + START_TIMEOUT.toSeconds() + " s", e);
        }
    }
}
