package org.assessmentsapi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Markdown to stdout, and the same lines appended to bench/results/report.md (ignored by git). */
final class Report {

    private final Path file;

    Report() {
        try {
            file = Files.createDirectories(Paths.results()).resolve("report.md");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void line(String text) {
        System.out.println(text);
        System.out.flush();
        try {
            Files.writeString(
                    file, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
