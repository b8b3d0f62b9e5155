package org.assessmentsapi.bootstrap;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.awscore.endpoints.AccountIdEndpointMode;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointParams;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;

/**
 * Builds the DynamoDB client with everything explicit: region, credentials provider, HTTP client and a
 * bounded retry policy. Nothing is discovered by probing (no provider chain walk, no region lookup),
 * which keeps cold starts short and the worst-case latency of a request known.
 *
 * <p>For the cold start (measured by the {@code bench} module, see docs/benchmarks.md) the client also skips
 * what this function never uses: the endpoint rules engine (one fixed regional endpoint instead, which is
 * what the rules yield for DynamoDB without account-based endpoints), the shared config and credentials
 * files (empty profile file), proxy discovery (Lambda has no proxy), and defaults-mode and account-id-endpoint-mode
 * resolution (set explicitly).
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
        return create(config, env, UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .proxyConfiguration(ProxyConfiguration.builder()
                        .useSystemPropertyValues(false)
                        .useEnvironmentVariablesValues(false)
                        .build())
                .build());
    }

    /**
     * The same client over another HTTP client: only for the start-up warm-up, which runs the request path
     * against an in-process canned responder (see {@link ApiFunction}); production traffic uses {@link #create(AppConfig, Map)}.
     */
    public static DynamoDbClient create(AppConfig config, Map<String, String> env, SdkHttpClient httpClient) {
        return DynamoDbClient.builder()
                .httpClient(httpClient)
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config, env))
                // Both: without an override, the builder still runs the default rules once for the client endpoint.
                .endpointOverride(endpoint(config))
                .endpointProvider(new FixedEndpoint(endpoint(config)))
                .defaultsMode(DefaultsMode.LEGACY)
                .accountIdEndpointMode(AccountIdEndpointMode.DISABLED)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .defaultProfileFileSupplier(() -> NO_PROFILE)
                        .defaultProfileFile(NO_PROFILE)
                        .build())
                .build();
    }

    private static final ProfileFile NO_PROFILE = ProfileFile.builder()
            .content("")
            .type(ProfileFile.Type.CONFIGURATION)
            .build();

    /**
     * The DynamoDB endpoint: {@code DYNAMODB_ENDPOINT} when set, else the regional HTTPS endpoint
     * ({@code dynamodb.REGION.amazonaws.com}, {@code .amazonaws.com.cn} in the China regions).
     */
    static URI endpoint(AppConfig config) {
        if (config.dynamoDbEndpoint().isPresent()) {
            return config.dynamoDbEndpoint().get();
        }
        String region = config.region();
        String suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return URI.create("https://dynamodb." + region + "." + suffix);
    }

    /** Always the same endpoint: no rules engine, no partition metadata parsed at start-up. */
    static final class FixedEndpoint implements DynamoDbEndpointProvider {
        private final URI url;
        private final CompletableFuture<Endpoint> endpoint;

        FixedEndpoint(URI url) {
            this.url = url;
            this.endpoint = CompletableFuture.completedFuture(Endpoint.builder().url(url).build());
        }

        URI url() {
            return url;
        }

        @Override
        public CompletableFuture<Endpoint> resolveEndpoint(DynamoDbEndpointParams params) {
            return endpoint;
        }
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
