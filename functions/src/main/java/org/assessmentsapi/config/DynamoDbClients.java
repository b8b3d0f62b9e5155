package org.assessmentsapi.config;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the DynamoDB client with everything explicit: region, credentials provider, HTTP client and a
 * bounded retry policy. Nothing is discovered by probing (no provider chain walk, no region lookup),
 * which keeps cold starts short and the worst-case latency of a request known.
 */
public final class DynamoDbClients {

    /** Up to 3 attempts in all (the first and two retries, with the SDK's jittered backoff). */
    public static final int MAX_ATTEMPTS = 3;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(2);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    /** Below the function timeout, so that a stalled table still gets a 503 rather than a Lambda timeout. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private DynamoDbClients() {
    }

    public static DynamoDbClient create(AppConfig config, Map<String, String> env) {
        var builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .build())
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config, env))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .build());
        config.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * Lambda gives credentials as environment variables, or (with SnapStart) through the container
     * credentials endpoint; a local endpoint such as dynalite accepts any credentials.
     */
    static AwsCredentialsProvider credentials(AppConfig config, Map<String, String> env) {
        if (env.containsKey("AWS_ACCESS_KEY_ID")) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        if (env.containsKey("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
            return ContainerCredentialsProvider.create();
        }
        if (config.dynamoDbEndpoint().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
