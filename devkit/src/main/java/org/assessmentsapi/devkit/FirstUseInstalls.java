package org.assessmentsapi.devkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the tests need beyond Maven, installed on first use so that {@code mvn -B verify} works on a fresh clone and
 * machine with nothing done by hand: a pinned npm package from its lock file ({@code npm ci}), and a Debian package
 * (the browser test's Chromium) through {@code apt-get} where the build runs as root, as on CI. Elsewhere a
 * missing Debian package fails with the command that installs it.
 */
public final class FirstUseInstalls {

    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration APT_TIMEOUT = Duration.ofMinutes(10);

    private FirstUseInstalls() {}

    /** Installs the pinned package of folder {@code home} from its lock file when the clone has never done so. */
    public static synchronized void npmPackage(Path home) {
        if (!Files.isDirectory(home.resolve("node_modules"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), home, Map.of(), NPM_TIMEOUT);
        }
    }

    /** Installs Debian's {@code debianPackage} when {@code executable} is missing (root only, else it fails). */
    public static synchronized void debianPackage(Path executable, String debianPackage) {
        if (Files.isExecutable(executable)) {
            return;
        }
        String command = "DEBIAN_FRONTEND=noninteractive apt-get install -y " + debianPackage;
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            throw new IllegalStateException(executable + " is missing: install Debian's " + debianPackage + " with `"
                    + command + "` (as root; .ci/run does it)");
        }
        System.err.println(executable + " is missing: installing Debian's " + debianPackage + " (once)");
        Map<String, String> env = Map.of("DEBIAN_FRONTEND", "noninteractive");
        run(List.of("apt-get", "update", "-q"), Path.of("/"), env, APT_TIMEOUT);
        run(List.of("apt-get", "install", "-y", "-q", debianPackage), Path.of("/"), env, APT_TIMEOUT);
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("`" + command + "` ran, but " + executable + " is still missing");
        }
    }

    private static void run(List<String> command, Path directory, Map<String, String> env, Duration timeout) {
        String shown = "'" + String.join(" ", command) + "' in " + directory;
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    // Its output goes to the build's log, where a failure explains itself.
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT);
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(shown + " took more than " + timeout.toMinutes() + " min");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(shown + " failed with exit status " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + shown, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + shown, e);
        }
    }
}
