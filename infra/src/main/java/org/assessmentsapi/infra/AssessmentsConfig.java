package org.assessmentsapi.infra;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awscdk.RemovalPolicy;

/**
 * Everything the stack can be told from the outside, read from CDK context and validated in one place, so a
 * bad or missing value fails the synth with one message that names every problem, before any construct exists.
 *
 * @param stackName          CloudFormation stack name (context {@code stackName})
 * @param dev                a throwaway stack: resources are destroyed with it and a placeholder issuer is allowed
 * @param jwtIssuer          {@code JWT_ISSUER} of the functions, exactly the provider's {@code issuer} (trailing slash
 *                           included); unless {@code jwksUrl} is given, the function finds the keys by OpenID discovery
 *                           (the {@code jwks_uri} of {@code /.well-known/openid-configuration} under the issuer)
 * @param jwtAudience        {@code JWT_AUDIENCE} of the functions
 * @param jwksUrl            {@code JWKS_URL} of the functions, an override of discovery, or {@code null}
 * @param jwtStrictType      {@code JWT_STRICT_TYPE=true}: the function accepts only RFC 9068 access tokens
 *                           ({@code typ} {@code at+jwt}); off by default because Auth0 sends {@code JWT}
 * @param readScope          {@code READ_SCOPE}: the scope a token needs for GET and HEAD, or {@code null} for none
 * @param writeScope         {@code WRITE_SCOPE}: the scope a token needs for PUT, POST and DELETE, or {@code null}
 * @param gatewayAuthorizer  API Gateway's own JWT authorizer (issuer, audience, the scopes above) in front of every
 *                           route, so that plainly invalid tokens never invoke the function; the function still
 *                           verifies every token
 * @param memorySize         memory of each function in MB
 * @param throttleRateLimit  steady-state requests per second of the API's default stage
 * @param throttleBurstLimit burst of the API's default stage
 * @param corsAllowedOrigins origins allowed by CORS; empty means the API has no CORS configuration at all
 * @param functionsJar       the shaded jar built by the {@code functions} module, used as the functions' code
 * @param eventBusName       the EventBridge bus whose "Assessment Update Requested" events are consumed
 * @param eventSources       the {@code source} values the events rule accepts; empty means any source
 * @param eventsMaxReceiveCount      receives of a message before SQS moves it to the dead-letter queue
 * @param eventsBatchSize            at most this many messages per invocation of the events function
 * @param eventsBatchingWindowSeconds how long the event source mapping gathers a batch (0 = no wait)
 * @param eventsMaxConcurrency       at most this many concurrent invocations by the event source mapping
 */
public record AssessmentsConfig(
        String stackName,
        boolean dev,
        String jwtIssuer,
        String jwtAudience,
        String jwksUrl,
        boolean jwtStrictType,
        String readScope,
        String writeScope,
        boolean gatewayAuthorizer,
        int memorySize,
        double throttleRateLimit,
        int throttleBurstLimit,
        List<String> corsAllowedOrigins,
        Path functionsJar,
        String eventBusName,
        List<String> eventSources,
        int eventsMaxReceiveCount,
        int eventsBatchSize,
        int eventsBatchingWindowSeconds,
        int eventsMaxConcurrency) {

    public static final String DEFAULT_STACK_NAME = "AssessmentsApi";
    /** Relative to {@code infra/}, where {@code cdk synth} runs the app. */
    public static final Path DEFAULT_FUNCTIONS_JAR = Path.of("..", "functions", "target", "functions.jar");

    public static final int DEFAULT_MEMORY_SIZE = 1024;
    public static final double DEFAULT_THROTTLE_RATE_LIMIT = 50;
    public static final int DEFAULT_THROTTLE_BURST_LIMIT = 100;
    /** Only for {@code dev=true} synths: a reserved domain, so such a stack can never accept a real token. */
    public static final String DEV_PLACEHOLDER_ISSUER = "https://issuer.invalid/";

    public static final String DEV_PLACEHOLDER_AUDIENCE = "assessments-api-dev";
    /** The account's default bus, which every account has and which needs no resource of this stack. */
    public static final String DEFAULT_EVENT_BUS_NAME = "default";
    /** RFC 6749 §3.3: {@code scope-token = 1*( %x21 / %x23-5B / %x5D-7E )}, printable ASCII but space, '"' and '\'. */
    private static final String SCOPE_TOKEN = "[\\x21\\x23-\\x5B\\x5D-\\x7E]+";

    public static final int DEFAULT_EVENTS_MAX_RECEIVE_COUNT = 3;
    public static final int DEFAULT_EVENTS_BATCH_SIZE = 10;
    public static final int DEFAULT_EVENTS_BATCHING_WINDOW_SECONDS = 1;
    /** Bounds the write rate the queue can put on the table, whatever the backlog. */
    public static final int DEFAULT_EVENTS_MAX_CONCURRENCY = 5;

    public AssessmentsConfig {
        List<String> problems = new ArrayList<>();
        if (stackName == null || !stackName.matches("[A-Za-z][A-Za-z0-9-]{0,127}")) {
            problems.add("stackName '" + stackName + "' is not a valid CloudFormation stack name");
        }
        if (blank(jwtIssuer)) {
            problems.add(
                    "jwtIssuer is missing: pass -c jwtIssuer=https://your-issuer/ (or -c dev=true for a throwaway stack)");
        } else if (!isHttpsUrl(jwtIssuer)) {
            problems.add("jwtIssuer '" + jwtIssuer + "' must be an https URL");
        }
        if (blank(jwtAudience)) {
            problems.add(
                    "jwtAudience is missing: pass -c jwtAudience=your-api-audience (or -c dev=true for a throwaway stack)");
        }
        if (!blank(jwksUrl) && !isHttpsUrl(jwksUrl)) {
            problems.add("jwksUrl '" + jwksUrl + "' must be an https URL");
        }
        readScope = blank(readScope) ? null : readScope;
        writeScope = blank(writeScope) ? null : writeScope;
        checkScope("readScope", readScope, problems);
        checkScope("writeScope", writeScope, problems);
        // Lambda accepts 128..10240 MB; below 512 MB a Java function restores from SnapStart slowly.
        if (memorySize < 512 || memorySize > 10240) {
            problems.add("memorySize " + memorySize + " must be between 512 and 10240 (MB)");
        }
        if (!(throttleRateLimit > 0)) {
            problems.add(
                    "throttleRateLimit " + throttleRateLimit + " must be a positive number of requests per second");
        }
        if (throttleBurstLimit <= 0) {
            problems.add("throttleBurstLimit " + throttleBurstLimit + " must be positive (requests)");
        }
        corsAllowedOrigins = List.copyOf(Objects.requireNonNullElse(corsAllowedOrigins, List.of()));
        for (String origin : corsAllowedOrigins) {
            if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+")) {
                problems.add("corsAllowedOrigins entry '" + origin + "' must be '*' or a scheme://host[:port] origin");
            }
        }
        if (functionsJar == null || !Files.isRegularFile(functionsJar)) {
            problems.add("the functions jar "
                    + (functionsJar == null
                            ? ""
                            : "'" + functionsJar.toAbsolutePath().normalize() + "' ")
                    + "does not exist: build it first with `mvn -B -pl functions -am package` from the repository root,"
                    + " or point -c functionsJar=... at a built jar");
        }
        if (eventBusName == null || !eventBusName.matches("[A-Za-z0-9._/-]{1,256}")) {
            problems.add("eventBusName '" + eventBusName
                    + "' is not an EventBridge bus name (1 to 256 of A-Z a-z 0-9 . _ - /)");
        }
        eventSources = List.copyOf(Objects.requireNonNullElse(eventSources, List.of()));
        for (String source : eventSources) {
            if (!source.matches("[^\\s,]{1,256}")) {
                problems.add(
                        "eventSources entry '" + source + "' must be 1 to 256 characters without spaces or commas");
            } else if (source.startsWith("aws.")) {
                // EventBridge refuses PutEvents with an aws.* source: such a rule could only match AWS services.
                problems.add("eventSources entry '" + source
                        + "' is reserved for AWS services (aws.*), not internal publishers");
            }
        }
        if (eventSources.size() != eventSources.stream().distinct().count()) {
            problems.add("eventSources " + eventSources + " names a source twice");
        }
        // SQS allows a maxReceiveCount of 1 to 1000.
        if (eventsMaxReceiveCount < 1 || eventsMaxReceiveCount > 1000) {
            problems.add("eventsMaxReceiveCount " + eventsMaxReceiveCount + " must be between 1 and 1000");
        }
        // Lambda allows 1 to 10000 for a standard queue; above 10 it requires a batching window.
        if (eventsBatchSize < 1 || eventsBatchSize > 10000) {
            problems.add("eventsBatchSize " + eventsBatchSize + " must be between 1 and 10000");
        }
        if (eventsBatchingWindowSeconds < 0 || eventsBatchingWindowSeconds > 300) {
            problems.add("eventsBatchingWindowSeconds " + eventsBatchingWindowSeconds + " must be between 0 and 300");
        } else if (eventsBatchSize > 10 && eventsBatchingWindowSeconds < 1) {
            problems.add(
                    "eventsBatchSize " + eventsBatchSize + " above 10 needs eventsBatchingWindowSeconds of at least 1"
                            + " (a Lambda rule for SQS event sources)");
        }
        // Lambda allows a maximum concurrency of 2 to 1000 for SQS event sources.
        if (eventsMaxConcurrency < 2 || eventsMaxConcurrency > 1000) {
            problems.add("eventsMaxConcurrency " + eventsMaxConcurrency + " must be between 2 and 1000");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid configuration of the assessments stack:\n - " + String.join("\n - ", problems));
        }
    }

    /**
     * Reads the context keys documented in docs/deploy.md. Values given with {@code -c key=value} arrive as strings,
     * values from cdk.json may be numbers or booleans: both are accepted.
     *
     * @param context    looks a context key up, {@code null} when absent (e.g. {@code app.getNode()::tryGetContext})
     * @param workingDir the directory relative paths are resolved against (the app runs in {@code infra/})
     */
    public static AssessmentsConfig fromContext(Function<String, Object> context, Path workingDir) {
        boolean dev = bool(context, "dev");
        String issuer = string(context, "jwtIssuer", dev ? DEV_PLACEHOLDER_ISSUER : null);
        String audience = string(context, "jwtAudience", dev ? DEV_PLACEHOLDER_AUDIENCE : null);
        String jar = string(context, "functionsJar", null);
        String cors = string(context, "corsAllowedOrigins", "");
        String sources = string(context, "eventSources", "");
        return new AssessmentsConfig(
                string(context, "stackName", DEFAULT_STACK_NAME),
                dev,
                issuer,
                audience,
                string(context, "jwksUrl", null),
                bool(context, "jwtStrictType"),
                string(context, "readScope", null),
                string(context, "writeScope", null),
                bool(context, "gatewayAuthorizer"),
                integer(context, "memorySize", DEFAULT_MEMORY_SIZE),
                number(context, "throttleRateLimit", DEFAULT_THROTTLE_RATE_LIMIT),
                integer(context, "throttleBurstLimit", DEFAULT_THROTTLE_BURST_LIMIT),
                commaSeparated(cors),
                workingDir
                        .resolve(jar == null ? DEFAULT_FUNCTIONS_JAR : Path.of(jar))
                        .normalize(),
                string(context, "eventBusName", DEFAULT_EVENT_BUS_NAME),
                commaSeparated(sources),
                integer(context, "eventsMaxReceiveCount", DEFAULT_EVENTS_MAX_RECEIVE_COUNT),
                integer(context, "eventsBatchSize", DEFAULT_EVENTS_BATCH_SIZE),
                integer(context, "eventsBatchingWindowSeconds", DEFAULT_EVENTS_BATCHING_WINDOW_SECONDS),
                integer(context, "eventsMaxConcurrency", DEFAULT_EVENTS_MAX_CONCURRENCY));
    }

    private static List<String> commaSeparated(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Whether the rule takes events from the account's default bus (rather than a custom one). */
    public boolean defaultEventBus() {
        return DEFAULT_EVENT_BUS_NAME.equals(eventBusName);
    }

    /** What deleting the stack does to its table, log groups and queues: a dev stack takes them along. */
    public RemovalPolicy removalPolicy() {
        return dev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    }

    public boolean corsEnabled() {
        return !corsAllowedOrigins.isEmpty();
    }

    /**
     * The CloudWatch namespace of the functions' own metrics: the stack name, so that two stacks in one account and
     * region never add up each other's metrics. A stack name is always a valid namespace (letters, digits, '-').
     */
    public String metricsNamespace() {
        return stackName;
    }

    private static String string(Function<String, Object> context, String key, String fallback) {
        Object value = context.apply(key);
        return value == null || value.toString().isBlank()
                ? fallback
                : value.toString().trim();
    }

    /** One scope token, as the function compares it and API Gateway matches it against the token's scopes. */
    private static void checkScope(String key, String scope, List<String> problems) {
        if (scope != null && !scope.matches(SCOPE_TOKEN)) {
            problems.add(key + " '" + scope + "' is not one OAuth scope (RFC 6749 §3.3: printable ASCII characters"
                    + " without spaces, '\"' or '\\')");
        }
    }

    /** {@code true} or {@code false} (any case, or a JSON boolean of cdk.json); absent means {@code false}. */
    private static boolean bool(Function<String, Object> context, String key) {
        String value = string(context, key, "false");
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("Context value " + key + "='" + value + "' is neither true nor false");
        }
        return Boolean.parseBoolean(value);
    }

    private static int integer(Function<String, Object> context, String key, int fallback) {
        String value = string(context, key, null);
        if (value == null) {
            return fallback;
        }
        // jsii may hand a cdk.json number over as a double (100.0).
        double parsed = number(context, key, fallback);
        if (parsed != Math.rint(parsed) || Math.abs(parsed) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Context value " + key + "='" + value + "' is not a whole number");
        }
        return (int) parsed;
    }

    private static double number(Function<String, Object> context, String key, double fallback) {
        String value = string(context, key, null);
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Context value " + key + "='" + value + "' is not a number", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean isHttpsUrl(String s) {
        try {
            URI uri = URI.create(s);
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
