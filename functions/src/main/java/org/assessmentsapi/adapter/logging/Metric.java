package org.assessmentsapi.adapter.logging;

/**
 * Every metric the functions publish (docs/operations.md says what each one means). The names are what
 * dashboards and alarms of the stack refer to, so they are part of the stack's contract: renaming one breaks them.
 *
 * <p>A {@link Unit#COUNT} metric is summed within one document (one value per document); any other unit is a
 * distribution whose observations are kept one by one, so CloudWatch can compute percentiles over them.
 */
public enum Metric {
    /** API: one per request, published by route and status class as well as in total. */
    REQUESTS("Requests", Unit.COUNT),
    /** API: 1 for a 409 (stale body version) or a 412 (stale If-Match), else 0. */
    VERSION_CONFLICT("VersionConflict", Unit.COUNT),
    /** API: 1 for a request refused as invalid (400, 413, 415), else 0. */
    VALIDATION_FAILED("ValidationFailed", Unit.COUNT),
    /** API: 1 for a 401 (missing, malformed, expired or unverifiable token), else 0. */
    UNAUTHORIZED("Unauthorized", Unit.COUNT),
    /** API: 1 for a 403 (a valid token without the scope the route requires), else 0. */
    FORBIDDEN("Forbidden", Unit.COUNT),
    /** API: 1 when the store did not answer in time or failed (503), else 0. */
    STORE_UNAVAILABLE("StoreUnavailable", Unit.COUNT),
    /** Both: the duration of each DynamoDB call, as the client saw it. */
    DYNAMODB_LATENCY("DynamoDbLatency", Unit.MILLISECONDS),
    /** Events: messages whose update was written. */
    APPLIED("Applied", Unit.COUNT),
    /** Events: messages whose update was already written before (a redelivery): nothing written again. */
    ALREADY_APPLIED("AlreadyApplied", Unit.COUNT),
    /** Events: messages that can never succeed (invalid, unknown assessment, stale version): dropped, not retried. */
    REJECTED("Rejected", Unit.COUNT),
    /** Events: messages handed back to SQS for another attempt (the store failed or time ran out). */
    RETRIED("Retried", Unit.COUNT),
    /** Both: 1 on the first invocation of an execution environment (also after a SnapStart restore), else 0. */
    COLD_START("ColdStart", Unit.COUNT);

    /** The CloudWatch units these metrics use, with their EMF spelling. */
    public enum Unit {
        COUNT("Count"),
        MILLISECONDS("Milliseconds");

        private final String emfName;

        Unit(String emfName) {
            this.emfName = emfName;
        }

        public String emfName() {
            return emfName;
        }
    }

    private final String emfName;
    private final Unit unit;

    Metric(String emfName, Unit unit) {
        this.emfName = emfName;
        this.unit = unit;
    }

    /** The metric's name in CloudWatch. */
    public String emfName() {
        return emfName;
    }

    public Unit unit() {
        return unit;
    }

    /** Whether values recorded within one document add up to one value (counts) or stay observations. */
    boolean summed() {
        return unit == Unit.COUNT;
    }
}
