package org.assessmentsapi.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A fresh JVM: the wall time from just before its start to its {@code RESULT} line, and that line's fields. */
record Child(double wallMs, Map<String, String> fields, String line) {

    static Child run(List<String> command, Map<String, String> env, String logName) {
        try {
            Path log = Files.createDirectories(Paths.results().resolve("logs")).resolve(logName + ".stderr");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
            builder.environment()
                    .keySet()
                    .removeIf(name -> name.startsWith("JAVA_TOOL_OPTIONS") || name.startsWith("AWS_"));
            builder.environment().putAll(env);
            long start = System.nanoTime();
            Process process = builder.start();
            String result = null;
            long end = 0;
            StringBuilder other = new StringBuilder();
            try (var out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (result == null && line.startsWith("RESULT")) {
                        end = System.nanoTime();
                        result = line;
                    } else if (other.length() < 4000) {
                        other.append(line).append('\n');
                    }
                }
            }
            if (!process.waitFor(600, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            if (result == null) {
                throw new IllegalStateException("No RESULT from " + command + " (exit " + process.exitValue() + "): "
                        + other + Files.readString(log));
            }
            Map<String, String> fields = new HashMap<>();
            for (String part : result.substring("RESULT".length()).trim().split("\\s+")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    fields.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            return new Child((end - start) / 1e6, fields, result);
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    double number(String field) {
        return Double.parseDouble(fields.get(field));
    }

    /** Classes in a {@code -Xlog:class+load} file: all of them, and those not from the JDK's CDS archive. */
    static long[] countClasses(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        long all = lines.stream().filter(l -> l.contains("source:")).count();
        long shared = lines.stream()
                .filter(l -> l.contains("source: shared objects file"))
                .count();
        return new long[] {all, all - shared};
    }
}
