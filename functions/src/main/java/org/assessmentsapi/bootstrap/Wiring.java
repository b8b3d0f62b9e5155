package org.assessmentsapi.bootstrap;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.assessmentsapi.adapter.auth.JwksSettings;
import org.assessmentsapi.adapter.auth.JwksSources;
import org.assessmentsapi.adapter.auth.JwtAuthenticator;
import org.assessmentsapi.adapter.cursors.HmacPageCursors;
import org.assessmentsapi.adapter.dynamodb.DynamoDbAssessmentRepository;
import org.assessmentsapi.adapter.events.AssessmentEventsHandler;
import org.assessmentsapi.adapter.http.ApiHandler;
import org.assessmentsapi.adapter.http.AssessmentRoutes;
import org.assessmentsapi.adapter.logging.Telemetry;
import org.assessmentsapi.adapter.validation.RequestValidator;
import org.assessmentsapi.application.AssessmentRepository;
import org.assessmentsapi.application.CreateAssessment;
import org.assessmentsapi.application.DeleteAssessment;
import org.assessmentsapi.application.GetAssessment;
import org.assessmentsapi.application.ListAssessments;
import org.assessmentsapi.application.UpdateAssessment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The composition root: every part of both functions is built here, by constructor, and each part gets the
 * parts it uses. The Lambda start-up ({@link ApiFunction}, {@link EventsFunction}), the local runner, the tests
 * and the benchmark all build their handlers through it, with their own store, keys or clock.
 */
public final class Wiring {

    /**
     * Time one SQS message may take in the worst case: the DynamoDB call timeout, and a second for the rest.
     */
    public static final Duration TIME_PER_MESSAGE = DynamoDbClients.CALL_TIMEOUT.plusSeconds(1);

    private Wiring() {}

    /** The assessments table of {@code config}, through {@code dynamoDb}. */
    public static AssessmentRepository repository(AppConfig config, DynamoDbClient dynamoDb) {
        return new DynamoDbAssessmentRepository(dynamoDb, config.tableName());
    }

    /** The API's handler on the table of {@code config}, which must carry JWT settings (else a ConfigurationException). */
    public static ApiHandler api(
            AppConfig config, DynamoDbClient dynamoDb, JWKSource<SecurityContext> keys, Clock clock) {
        return api(config, repository(config, dynamoDb), keys, clock);
    }

    /**
     * The API's handler over any store: tokens of the issuer and audience of {@code config} (which must carry JWT
     * settings, else a ConfigurationException), signed by one of {@code keys}; list cursors under its cursor key;
     * metrics in its namespace.
     */
    public static ApiHandler api(
            AppConfig config, AssessmentRepository repository, JWKSource<SecurityContext> keys, Clock clock) {
        return api(config, repository, keys, clock, Telemetry.of(config.metricsNamespace()));
    }

    /** The same, with the function's telemetry (its cold start). */
    public static ApiHandler api(
            AppConfig config,
            AssessmentRepository repository,
            JWKSource<SecurityContext> keys,
            Clock clock,
            Telemetry telemetry) {
        JwtConfig jwt = jwtOf(config);
        return new ApiHandler(
                new JwtAuthenticator(jwt.tokenRules(), keys),
                new AssessmentRoutes(
                        new RequestValidator(),
                        new UpdateAssessment(repository, clock),
                        new GetAssessment(repository),
                        new CreateAssessment(repository, clock, UUID::randomUUID),
                        new ListAssessments(repository, new HmacPageCursors(config.cursorKey())),
                        new DeleteAssessment(repository)),
                telemetry);
    }

    /**
     * The issuer's keys of {@code config} (which must carry JWT settings): at {@code JWKS_URL}, or where the issuer's
     * OpenID discovery document says; fetched on first use and cached.
     */
    public static JWKSource<SecurityContext> issuerKeys(AppConfig config, JwksSettings settings) {
        JwtConfig jwt = jwtOf(config);
        return JwksSources.forIssuer(jwt.issuer(), jwt.jwksOverride(), settings);
    }

    private static JwtConfig jwtOf(AppConfig config) {
        return config.jwt()
                .orElseThrow(() -> new ConfigurationException("the API needs JWT settings (JWT_ISSUER, JWT_AUDIENCE)"));
    }

    /** The events function's handler on the table of {@code config}; it has no users, so no JWT settings. */
    public static AssessmentEventsHandler events(AppConfig config, DynamoDbClient dynamoDb, Clock clock) {
        return events(repository(config, dynamoDb), clock, Telemetry.of(config.metricsNamespace()));
    }

    /** The events function's handler over any store. */
    public static AssessmentEventsHandler events(AssessmentRepository repository, Clock clock) {
        return events(repository, clock, Telemetry.of(Telemetry.DEFAULT_NAMESPACE));
    }

    /** The same, with the function's metrics namespace and cold start. */
    public static AssessmentEventsHandler events(AssessmentRepository repository, Clock clock, Telemetry telemetry) {
        return new AssessmentEventsHandler(
                new RequestValidator(), new UpdateAssessment(repository, clock), TIME_PER_MESSAGE, telemetry);
    }
}
