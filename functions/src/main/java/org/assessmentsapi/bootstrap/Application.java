package org.assessmentsapi.bootstrap;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assessmentsapi.application.AssessmentRepository;
import org.assessmentsapi.application.CreateAssessment;
import org.assessmentsapi.application.DeleteAssessment;
import org.assessmentsapi.application.GetAssessment;
import org.assessmentsapi.application.ListAssessments;
import org.assessmentsapi.application.PageCursors;
import org.assessmentsapi.application.UpdateAssessment;
import org.assessmentsapi.adapter.auth.JwksSources;
import org.assessmentsapi.adapter.auth.JwtAuthenticator;
import org.assessmentsapi.adapter.dynamodb.DynamoDbAssessmentRepository;
import org.assessmentsapi.adapter.validation.RequestValidator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The wiring: every object of the function is built here, by constructor, once per execution
 * environment. Handlers take an {@code Application}; tests and the local runner build one with their
 * own client, keys or clock. The authenticator exists only where the configuration has JWT settings
 * (the API); the event-driven function is built without one.
 */
public record Application(
        AppConfig config,
        DynamoDbClient dynamoDb,
        Optional<JwtAuthenticator> authenticator,
        RequestValidator validator,
        UpdateAssessment updateAssessment,
        GetAssessment getAssessment,
        CreateAssessment createAssessment,
        ListAssessments listAssessments,
        DeleteAssessment deleteAssessment) {

    /**
     * The API's wiring from an environment (configuration, JWT included, checked now), e.g. the one the local
     * runner composes. On Lambda, {@code LambdaStartup} does the same with the warm-up alongside.
     */
    public static Application fromEnvironment(Map<String, String> env) {
        AppConfig config = AppConfig.fromEnvironment(env);
        JwtConfig jwt = config.jwt().orElseThrow();
        return create(config, DynamoDbClients.create(config, env), JwksSources.remote(jwt.jwksUrl()), Clock.systemUTC());
    }

    /** What the event-driven function's runtime gets: the store only, no JWT settings required. */
    public static Application forEvents() {
        Map<String, String> env = System.getenv();
        AppConfig config = AppConfig.forEvents(env);
        return withoutAuthentication(config, DynamoDbClients.create(config, env), Clock.systemUTC());
    }

    /** The API's wiring: {@code config} must carry JWT settings. */
    public static Application create(AppConfig config, DynamoDbClient dynamoDb, JWKSource<SecurityContext> keys, Clock clock) {
        JwtConfig jwt = config.jwt().orElseThrow(() -> new ConfigurationException("the API needs JWT settings"));
        return wire(config, dynamoDb, Optional.of(new JwtAuthenticator(jwt.issuer(), jwt.audience(), keys)), clock);
    }

    /** The wiring of a function without users (the event-driven updates). */
    public static Application withoutAuthentication(AppConfig config, DynamoDbClient dynamoDb, Clock clock) {
        return wire(config, dynamoDb, Optional.empty(), clock);
    }

    private static Application wire(AppConfig config, DynamoDbClient dynamoDb, Optional<JwtAuthenticator> authenticator, Clock clock) {
        AssessmentRepository repository = new DynamoDbAssessmentRepository(dynamoDb, config.tableName());
        return new Application(
                config,
                dynamoDb,
                authenticator,
                new RequestValidator(),
                new UpdateAssessment(repository, clock),
                new GetAssessment(repository),
                new CreateAssessment(repository, clock, UUID::randomUUID),
                new ListAssessments(repository, new PageCursors(config.cursorKey())),
                new DeleteAssessment(repository));
    }
}
