package org.assessmentsapi.adapter.logging;

/**
 * The only dimensions a metric of this project has. Each takes a small, fixed set of values (CloudWatch bills
 * every distinct combination as a metric of its own, and a dashboard cannot add up unbounded ones): never a user
 * id, an assessment id or anything else a caller chooses.
 */
public enum MetricDimension {
    /** {@code api} or {@code events}: which function published the document. */
    SERVICE("Service"),
    /** The matched route template, e.g. {@code PUT /api/assessments/{id}}, never the path with its id. */
    ROUTE("Route"),
    /** {@code 2xx}, {@code 3xx}, {@code 4xx} or {@code 5xx}. */
    STATUS_CLASS("StatusClass");

    private final String emfName;

    MetricDimension(String emfName) {
        this.emfName = emfName;
    }

    public String emfName() {
        return emfName;
    }

    /** The status class of an HTTP status: {@code 409 -> "4xx"}. */
    public static String statusClass(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return (status / 100) + "xx";
    }
}
