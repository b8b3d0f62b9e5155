package org.assessmentsapi.adapter.logging;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.assessmentsapi.domain.Timestamps;

/**
 * The functions' log: one JSON object per line, written with jackson-core (which the functions load anyway; a
 * logging framework would cost cold-start time). docs/operations.md describes every field.
 *
 * <p>Each line has {@code timestamp}, {@code level}, {@code message}, the fields of its call, then the
 * execution environment's {@code function_name} and {@code function_version} and, within an invocation
 * ({@link Invocation}), {@code function_request_id}, {@code api_request_id} (API only), {@code xray_trace_id} and
 * {@code cold_start}. Only {@link #error} lines carry a stack trace ({@code error}).
 *
 * <p>Where the lines go (measured under the Lambda runtime interface client, docs/operations.md): through
 * {@code LambdaLogger.log(byte[], level)}, which the runtime filters by the function's log level
 * ({@code AWS_LAMBDA_LOG_LEVEL}) and writes unchanged as one record; the level is also checked here first, so a
 * filtered line is never built. Metric documents ({@link #metrics}) go to stdout, never level-filtered by the
 * runtime. Off Lambda the runtime's fallback logger writes to stdout too. Tests redirect everything
 * ({@link #sendTo}); {@link #collecting} keeps a thread's lines and documents instead of writing them.
 */
public final class Log {

    /** The levels the functions log at, in increasing severity (Lambda's TRACE is DEBUG here, FATAL is ERROR). */
    public enum Level {
        DEBUG,
        INFO,
        WARN,
        ERROR;

        /** Lambda's {@code AWS_LAMBDA_LOG_LEVEL} as a minimum level; INFO when unset or not a level. */
        static Level minimum(String configured) {
            if (configured == null) {
                return INFO;
            }
            return switch (configured.trim().toUpperCase(Locale.ROOT)) {
                case "TRACE", "DEBUG" -> DEBUG;
                case "WARN" -> WARN;
                case "ERROR", "FATAL" -> ERROR;
                default -> INFO;
            };
        }
    }

    /** A line or metric document that {@link #collecting} kept instead of writing; level {@code METRICS} for the latter. */
    public record Line(String level, String json) {}

    /** What {@link #collecting} returns: the work's result and the lines it logged. */
    public record Collected<T>(T result, List<Line> lines) {}

    static final String METRICS = "METRICS";

    private static final JsonFactory JSON = new JsonFactory();
    private static final Level MINIMUM = Level.minimum(System.getenv("AWS_LAMBDA_LOG_LEVEL"));
    private static final String FUNCTION_NAME = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    private static final String FUNCTION_VERSION = System.getenv("AWS_LAMBDA_FUNCTION_VERSION");
    /** The lines of {@link #collecting}: kept per thread, so a concurrent request's lines are never swallowed. */
    private static final ThreadLocal<List<Line>> COLLECTED = new ThreadLocal<>();
    /** Set by tests: every line and document goes there instead. */
    private static volatile Consumer<String> redirect;

    private Log() {}

    /**
     * Runs {@code work} with the lines and metric documents this thread writes meanwhile kept instead of written,
     * for a caller that reports the work in one line of its own (the start-up rehearsal, SnapStart priming):
     * their requests are not the function's traffic. Nested calls each keep their own lines.
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

    /** Whether this thread's lines are being {@link #collecting collected} (a built-in invocation, not traffic). */
    static boolean isCollecting() {
        return COLLECTED.get() != null;
    }

    /** Where every later line and metric document goes (null: back to Lambda's logger and stdout); the previous. */
    public static Consumer<String> sendTo(Consumer<String> lines) {
        Consumer<String> previous = redirect;
        redirect = lines;
        return previous;
    }

    public static boolean isEnabled(Level level) {
        return level.compareTo(MINIMUM) >= 0;
    }

    /** A line outside the request summary; {@code requestId} is used when no invocation is running on this thread. */
    public static void info(String requestId, String message) {
        write(Level.INFO, requestId, message, Map.of(), null);
    }

    public static void warn(String requestId, String message) {
        write(Level.WARN, requestId, message, Map.of(), null);
    }

    public static void error(String requestId, String message, Throwable error) {
        write(Level.ERROR, requestId, message, Map.of(), error);
    }

    /**
     * The one summary line of a request or message, with its fields (strings, numbers, booleans; in the order of
     * the map). Never a token, a body or anything else a caller sent: only values the code chose or checked.
     */
    public static void summary(Level level, String message, Map<String, ?> fields) {
        write(level, null, message, fields, null);
    }

    /** A library's line (SLF4J bridge): level by name. */
    static void write(String level, String requestId, String message, Throwable error) {
        write(Level.valueOf(level), requestId, message, Map.of(), error);
    }

    /** One metric document (see {@link EmfWriter}): to stdout, whatever the log level. */
    static void metrics(String document) {
        emit(METRICS, document);
    }

    private static void write(Level level, String requestId, String message, Map<String, ?> fields, Throwable error) {
        if (!isEnabled(level)) {
            return;
        }
        StringWriter line = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            // Milliseconds, as Lambda's own lines: written digit by digit, not by the JDK's formatter (per request).
            json.writeStringField("timestamp", Timestamps.format(Instant.now()));
            json.writeStringField("level", level.name());
            json.writeStringField("message", message);
            for (Map.Entry<String, ?> field : fields.entrySet()) {
                writeField(json, field.getKey(), field.getValue());
            }
            json.writeStringField("function_name", FUNCTION_NAME);
            json.writeStringField("function_version", FUNCTION_VERSION);
            Invocation invocation = Invocation.current();
            if (invocation != null) {
                invocation.writeFields(json);
            } else if (requestId != null) {
                json.writeStringField("function_request_id", requestId);
            }
            if (error != null) {
                StringWriter trace = new StringWriter();
                error.printStackTrace(new PrintWriter(trace));
                json.writeStringField("error", trace.toString());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        emit(level.name(), line.toString());
    }

    private static void writeField(JsonGenerator json, String name, Object value) throws IOException {
        if (value instanceof Boolean bool) {
            json.writeBooleanField(name, bool);
        } else if (value instanceof Integer || value instanceof Long) {
            json.writeNumberField(name, ((Number) value).longValue());
        } else if (value instanceof Number number) {
            json.writeNumberField(name, number.doubleValue());
        } else {
            json.writeStringField(name, Objects.toString(value, null));
        }
    }

    private static void emit(String level, String json) {
        List<Line> collected = COLLECTED.get();
        Consumer<String> tests = redirect;
        if (collected != null) {
            collected.add(new Line(level, json));
        } else if (tests != null) {
            tests.accept(json);
        } else if (level.equals(METRICS)) {
            System.out.println(json);
        } else {
            // The runtime's logger: filtered by AWS_LAMBDA_LOG_LEVEL, written unchanged as one record.
            LambdaRuntime.getLogger().log((json + "\n").getBytes(StandardCharsets.UTF_8), LogLevel.valueOf(level));
        }
    }
}
