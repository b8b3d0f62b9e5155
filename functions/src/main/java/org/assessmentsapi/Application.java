package org.assessmentsapi;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.assessmentsapi.application.AssessmentRepository;
import org.assessmentsapi.application.CreateAssessment;
import org.assessmentsapi.application.GetAssessment;
import org.assessmentsapi.application.UpdateAssessment;
import org.assessmentsapi.auth.JwksSources;
import org.assessmentsapi.auth.JwtAuthenticator;
import org.assessmentsapi.config.AppConfig;
import org.assessmentsapi.config.DynamoDbClients;
import org.assessmentsapi.repository.DynamoDbAssessmentRepository;
import org.assessmentsapi.validation.RequestValidator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The wiring: every object of the function is built here, by constructor, once per execution
 * environment. Handlers take an {@code Application}; tests and the local runner build one with their
 * own client, keys or clock.
 */
public record Application(
        AppConfig config,
        DynamoDbClient dynamoDb,
        JwtAuthenticator authenticator,
        RequestValidator validator,
        UpdateAssessment updateAssessment,
        GetAssessment getAssessment,
        CreateAssessment createAssessment) {

    /** What the Lambda runtime gets: configuration from the environment, checked before any request. */
    public static Application fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** The same wiring from an explicit environment, e.g. the one the local runner composes. */
    public static Application fromEnvironment(Map<String, String> env) {
        AppConfig config = AppConfig.fromEnvironment(env);
        return create(config, DynamoDbClients.create(config, env), JwksSources.remote(config.jwksUrl()), Clock.systemUTC());
    }

    public static Application create(AppConfig config, DynamoDbClient dynamoDb, JWKSource<SecurityContext> keys, Clock clock) {
        AssessmentRepository repository = new DynamoDbAssessmentRepository(dynamoDb, config.tableName());
        return new Application(
                config,
                dynamoDb,
                new JwtAuthenticator(config.jwtIssuer(), config.jwtAudience(), keys),
                new RequestValidator(),
                new UpdateAssessment(repository, clock),
                new GetAssessment(repository),
                new CreateAssessment(repository, clock, UUID::randomUUID));
    }
}
