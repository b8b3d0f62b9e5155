package org.assessmentsapi.infra;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * The metrics the functions publish themselves, as CloudWatch embedded metric format documents in their logs
 * (the functions' {@code adapter/logging/Metric}; docs/operations.md). The names here are the functions'
 * contract: template-tests check that each one the dashboard or an alarm uses is a name the functions publish.
 *
 * <p>The namespace is the stack's {@link AssessmentsConfig#metricsNamespace()}, which the functions get as
 * {@value #NAMESPACE_VARIABLE}.
 */
final class ServiceMetrics {

    static final String NAMESPACE_VARIABLE = "METRICS_NAMESPACE";

    static final String REQUESTS = "Requests";
    static final String VERSION_CONFLICT = "VersionConflict";
    static final String VALIDATION_FAILED = "ValidationFailed";
    static final String UNAUTHORIZED = "Unauthorized";
    static final String FORBIDDEN = "Forbidden";
    static final String STORE_UNAVAILABLE = "StoreUnavailable";
    static final String DYNAMODB_LATENCY = "DynamoDbLatency";
    static final String APPLIED = "Applied";
    static final String ALREADY_APPLIED = "AlreadyApplied";
    static final String REJECTED = "Rejected";
    static final String RETRIED = "Retried";
    static final String COLD_START = "ColdStart";

    /** The dimension every metric has: which function published it. */
    static final String SERVICE = "Service";

    static final String API = "api";
    static final String EVENTS = "events";

    private final String namespace;

    ServiceMetrics(AssessmentsConfig config) {
        this.namespace = config.metricsNamespace();
    }

    /** A metric of the API function (by service alone), with the statistic shown or alarmed on. */
    Metric api(String name, String statistic, Duration period) {
        return of(name, API, statistic, period);
    }

    /** A metric of the events function (by service alone). */
    Metric events(String name, String statistic, Duration period) {
        return of(name, EVENTS, statistic, period);
    }

    Metric of(String name, String service, String statistic, Duration period) {
        return Metric.Builder.create()
                .namespace(namespace)
                .metricName(name)
                .dimensionsMap(Map.of(SERVICE, service))
                .statistic(statistic)
                .period(period)
                .build();
    }

    String namespace() {
        return namespace;
    }
}
