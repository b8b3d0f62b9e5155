package org.assessmentsapi.bootstrap;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.assessmentsapi.adapter.dynamodb.DynamoDbCallTimer;
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
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
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
 * files (empty profile file), proxy settings (none configured: Lambda has no proxy), and defaults-mode and
 * account-id-endpoint-mode resolution (set explicitly).
 */
public final class DynamoDbClients {

    /** Up to 3 attempts in all (the first and two retries, with the SDK's jittered backoff). */
    public static final int MAX_ATTEMPTS = 3;

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(2);
    /** The SDK's default, stated: a function called at least once a minute keeps its connection (and TLS session). */
    static final Duration CONNECTION_MAX_IDLE = Duration.ofSeconds(60);

    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    /** Below the function timeout, so that a stalled table still gets a 503 rather than a Lambda timeout. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private DynamoDbClients() {}

    /**
     * The production client over the SDK's CRT HTTP client, chosen by measurement (docs/benchmarks.md, "HTTP client";
     * against dynalite, JDK 25, C1): the only SDK client without a fixed wait per call. Its native event loop sees a
     * closed connection when it happens, so it never probes a pooled one before reuse; its own call is 1.15x a raw
     * buffered {@code HttpURLConnection} POST of the same signed request. The url-connection client probes on every
     * reused call (the JDK's 1 ms read before a streaming POST: ~5x the raw POST), Apache 5 on every call after 2 s
     * idle (its 1 ms stale check), which is how one Lambda environment is usually called. Its costs: ~5 MB of natives
     * in the jar (two platforms, see functions/pom.xml) and ~40 ms CPU at a cold start without SnapStart.
     *
     * <p>One connection is kept and reused (idle for at most {@link #CONNECTION_MAX_IDLE}). Timeouts as before:
     * connect {@link #CONNECT_TIMEOUT}; the CRT has no socket read timeout, its equivalent is the health check, which
     * closes a connection that receives less than 1 byte/s for {@link #SOCKET_TIMEOUT}; the SDK's attempt and call
     * timeouts bound everything. No proxy is configured, so none is looked up (Lambda has none).
     */
    public static DynamoDbClient create(AppConfig config, Map<String, String> env) {
        return create(
                config,
                env,
                AwsCrtHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .connectionHealthConfiguration(
                                health -> health.minimumThroughputInBps(1L).minimumThroughputTimeout(SOCKET_TIMEOUT))
                        .connectionMaxIdleTime(CONNECTION_MAX_IDLE)
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
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(MAX_ATTEMPTS)
                                .build())
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .defaultProfileFileSupplier(() -> NO_PROFILE)
                        .defaultProfileFile(NO_PROFILE)
                        // Each call's duration into the running invocation's DynamoDbLatency metric.
                        .addExecutionInterceptor(new DynamoDbCallTimer())
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
            this.endpoint = CompletableFuture.completedFuture(
                    Endpoint.builder().url(url).build());
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
