package org.assessmentsapi.adapter.dynamodb;

/**
 * Item attribute names: exactly the JSON field names of the API. The item also holds the idempotency slots
 * of {@link AppliedEvents}, {@link #IDEMPOTENCY_FINGERPRINT} and {@link #LAST_WRITE}, which are no field of the API and never leave
 * the repository.
 */
final class Attributes {
    static final String ID = "id";
    static final String NAME = "name";
    static final String COMPANY_NAME = "companyName";
    static final String COMPANY_TYPE = "companyType";
    static final String COUNTRY = "country";
    static final String STATUS = "status";
    static final String INTAKE_MODE = "intakeMode";
    static final String PROGRESS = "progress";
    static final String VERSION = "version";
    static final String OVERALL_RISK_SCORE = "overallRiskScore";
    static final String OVERALL_RISK_LEVEL = "overallRiskLevel";
    static final String USER_ID = "userId";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    /** The fingerprint of the request that created the item with an {@code Idempotency-Key}; absent otherwise. */
    static final String IDEMPOTENCY_FINGERPRINT = "idempotencyFingerprint";

    /** The token of the update that wrote the item last ({@link WriteTokens}); absent before the first update. */
    static final String LAST_WRITE = "lastWrite";

    private Attributes() {}
}
