package org.assessmentsapi.devkit.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A deployable jar unpacked into a temporary folder, as Lambda unpacks a function's .zip or .jar into
 * {@code /var/task} ({@code LAMBDA_TASK_ROOT}): classes at the root, libraries in {@code lib/}. The runtime
 * interface client loads the function from there, with a class loader of its own.
 */
public record TaskRoot(Path path) implements AutoCloseable {

    public static TaskRoot unpack(Path jar) {
        try {
            Path root = Files.createTempDirectory("lambda-task-");
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    Path target = root.resolve(entry.getName()).normalize();
                    if (!target.startsWith(root)) {
                        throw new IOException("entry outside the task root: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, target);
                        }
                    }
                }
            }
            return new TaskRoot(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + jar, e);
        }
    }

    /** Deletes the folder. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
