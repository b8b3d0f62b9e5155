package org.assessmentsapi.adapter.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One JSON object per event, {@code {"level", "requestId", "message", "error"?}}, as one line: on Lambda the
 * line goes to stdout, which Lambda sends to CloudWatch (and keeps as JSON with the JSON log format). Tests
 * send the lines elsewhere ({@link #sendTo}). A logging framework would cost cold-start time; the JSON is
 * written by jackson-core, which the function loads anyway.
 */
public final class Log {

    private static final JsonFactory JSON = new JsonFactory();
    private static volatile Consumer<String> sink = System.out::println;
    /** The lines of {@link #collecting}: kept per thread, so a concurrent request's lines are never swallowed. */
    private static final ThreadLocal<List<Line>> COLLECTED = new ThreadLocal<>();

    /** One line that {@link #collecting} kept instead of writing. */
    public record Line(String level, String json) {
    }

    /** What {@link #collecting} returns: the work's result and the lines it logged. */
    public record Collected<T>(T result, List<Line> lines) {
    }

    private Log() {
    }

    /**
     * Runs {@code work} with the lines this thread logs meanwhile kept instead of written, for a caller that
     * reports the work in one line of its own (SnapStart priming). Nested calls each keep their own lines.
     */
    public static <T> Collected<T> collecting(Supplier<T> work) {
        List<Line> outer = COLLECTED.get();
        List<Line> lines = new ArrayList<>();
        COLLECTED.set(lines);
        try {
            return new Collected<>(work.get(), List.copyOf(lines));
        } finally {
            if (outer == null) {
                COLLECTED.remove();
            } else {
                COLLECTED.set(outer);
            }
        }
    }

    public static void info(String requestId, String message) {
        write("INFO", requestId, message, null);
    }

    public static void warn(String requestId, String message) {
        write("WARN", requestId, message, null);
    }

    public static void error(String requestId, String message, Throwable error) {
        write("ERROR", requestId, message, error);
    }

    /** Where every later line goes (stdout until then); returns where they went before. */
    public static Consumer<String> sendTo(Consumer<String> lines) {
        Consumer<String> previous = sink;
        sink = Objects.requireNonNull(lines, "lines");
        return previous;
    }

    static void write(String level, String requestId, String message, Throwable error) {
        StringWriter line = new StringWriter(128);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("level", level);
            json.writeStringField("requestId", requestId);
            json.writeStringField("message", message);
            if (error != null) {
                StringWriter trace = new StringWriter();
                error.printStackTrace(new PrintWriter(trace));
                json.writeStringField("error", trace.toString());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        List<Line> collected = COLLECTED.get();
        if (collected != null) {
            collected.add(new Line(level, line.toString()));
        } else {
            sink.accept(line.toString());
        }
    }
}
