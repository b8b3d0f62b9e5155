package org.assessmentsapi.adapter.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One JSON line per event on stdout, which Lambda sends to CloudWatch (and keeps as JSON with the JSON log
 * format). Kept tiny on purpose: a logging framework would cost cold-start time.
 */
public final class Log {

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

    static void write(String level, String requestId, String message, Throwable error) {
        StringBuilder line = new StringBuilder(128)
                .append("{\"level\":\"").append(level).append('"')
                .append(",\"requestId\":").append(quote(requestId))
                .append(",\"message\":").append(quote(message));
        if (error != null) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            line.append(",\"error\":").append(quote(trace.toString()));
        }
        line.append('}');
        List<Line> collected = COLLECTED.get();
        if (collected != null) {
            collected.add(new Line(level, line.toString()));
        } else {
            System.out.println(line);
        }
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
