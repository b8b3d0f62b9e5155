package org.assessmentsapi.support;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assessmentsapi.adapter.logging.Log;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Keeps the function's log lines of each test instead of printing them, and prints them when the test fails.
 * Registered for every test of the module (junit-platform.properties, META-INF/services); tests read what
 * was logged during them with {@link #lines()}. Tests run one at a time in this module.
 *
 * <p>After every test it checks what the handlers wrote: each metric document against the EMF specification
 * ({@link EmfSpecification}), and that no line below WARN carries a stack trace or anything shaped like a
 * token. So every test that invokes a handler also tests its metrics and its log.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback, TestWatcher {

    private static final List<String> LINES = new CopyOnWriteArrayList<>();

    static {
        Log.sendTo(LINES::add);
    }

    /** The lines logged since the current test started, its {@code @BeforeEach} methods included. */
    public static List<String> lines() {
        return List.copyOf(LINES);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        LINES.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> problems = new java.util.ArrayList<>();
        for (String line : LINES) {
            if (EmfSpecification.isEmf(line)) {
                EmfSpecification.violations(line, Instant.now())
                        .forEach(problem -> problems.add(problem + " in " + line));
            } else if (line.contains("\"level\":\"INFO\"") || line.contains("\"level\":\"DEBUG\"")) {
                if (line.contains("\"error\":")
                        || line.contains("Bearer ")
                        || line.matches(".*eyJ[A-Za-z0-9_-]{10,}.*")) {
                    problems.add("a stack trace or a token at INFO: " + line);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(
                    "the handlers' log of " + context.getDisplayName() + ":\n" + String.join("\n", problems));
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        System.out.println("log of " + context.getDisplayName() + ":");
        LINES.forEach(System.out::println);
    }
}
