package org.assessmentsapi.adapter.logging;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One JSON line per event on stdout, which Lambda sends to CloudWatch (and keeps as JSON with the JSON log
 * format). Kept tiny on purpose: a logging framework would cost cold-start time.
 */
public final class Log {

    private Log() {
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

    private static void write(String level, String requestId, String message, Throwable error) {
        StringBuilder line = new StringBuilder(128)
                .append("{\"level\":\"").append(level).append('"')
                .append(",\"requestId\":").append(quote(requestId))
                .append(",\"message\":").append(quote(message));
        if (error != null) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            line.append(",\"error\":").append(quote(trace.toString()));
        }
        System.out.println(line.append('}'));
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
