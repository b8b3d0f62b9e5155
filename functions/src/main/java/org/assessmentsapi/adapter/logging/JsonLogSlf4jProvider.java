package org.assessmentsapi.adapter.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of the functions jar (found through {@code META-INF/services}): the AWS SDK's logging (it logs
 * through slf4j-api, which comes with it) goes into the function's JSON log, WARN and ERROR only.
 *
 * <p>Why a provider and not none: without one, slf4j-api prints three plain-text "SLF4J(W): No SLF4J providers
 * were found" lines at every init into a JSON log group, and drops what the SDK warns about (e.g. a retry policy
 * giving up, a clock skew). Why this one and not slf4j-simple or a framework: it costs about as many classes at
 * init as slf4j's own no-op fallback (measured in docs/benchmarks.md, "SDK logging") and writes the same JSON lines
 * as the rest of the code, through {@link Log}. Below WARN every call is a disabled-level check and nothing more.
 */
public final class JsonLogSlf4jProvider implements SLF4JServiceProvider, ILoggerFactory {

    /** The slf4j-api line this provider is written for (2.0.x). */
    static final String REQUESTED_API_VERSION = "2.0.99";

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public Logger getLogger(String name) {
        return new JsonLogSlf4jLogger(name);
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return this;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }

    @Override
    public void initialize() {
        // Nothing to configure: the level is fixed at WARN.
    }
}
