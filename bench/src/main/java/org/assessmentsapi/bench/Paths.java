package org.assessmentsapi.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the jars and results are: found from the repository root (the folder with devkit/dynalite). */
final class Paths {

    private Paths() {}

    static Path repositoryRoot() {
        for (File dir = new File("").getAbsoluteFile(); dir != null; dir = dir.getParentFile()) {
            if (Files.isDirectory(dir.toPath().resolve("devkit/dynalite"))
                    && Files.isDirectory(dir.toPath().resolve("events"))) {
                return dir.toPath();
            }
        }
        throw new IllegalStateException("Run the benchmark from the repository (no devkit/dynalite and events/ above "
                + new File("").getAbsolutePath() + ")");
    }

    /** bench/target, where the benchmark's jars are built. */
    static Path benchTarget() {
        try {
            Path self = Path.of(Paths.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return Files.isRegularFile(self)
                    ? self.getParent()
                    : repositoryRoot().resolve("bench/target");
        } catch (URISyntaxException e) {
            return repositoryRoot().resolve("bench/target");
        }
    }

    static Path functionsJar() {
        String configured = System.getProperty("functions.jar");
        return configured != null ? Path.of(configured) : repositoryRoot().resolve("functions/target/functions.jar");
    }

    static Path results() {
        return repositoryRoot().resolve("bench/results");
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
