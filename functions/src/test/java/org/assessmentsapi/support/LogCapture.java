package org.assessmentsapi.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assessmentsapi.adapter.logging.Log;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Keeps the function's log lines of each test instead of printing them, and prints them when the test fails.
 * Registered for every test of the module (junit-platform.properties, META-INF/services); tests read what
 * was logged during them with {@link #lines()}. Tests run one at a time in this module.
 */
public final class LogCapture implements BeforeEachCallback, TestWatcher {

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
    public void testFailed(ExtensionContext context, Throwable cause) {
        System.out.println("log of " + context.getDisplayName() + ":");
        LINES.forEach(System.out::println);
    }
}
