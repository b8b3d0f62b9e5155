package org.assessmentsapi.adapter.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * A library's SLF4J logger: WARN and ERROR become {@link Log} lines ("logger name: message", the throwable's trace
 * in {@code error}); TRACE, DEBUG and INFO are disabled. No request id: libraries do not know it.
 */
final class JsonLogSlf4jLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    JsonLogSlf4jLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public boolean isInfoEnabled() {
        return false;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        Log.write(level.name(), null, name + ": " + message, throwable);
    }
}
