package org.assessmentsapi.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.PayloadFormatVersion;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;

/**
 * The HTTP API: its routes (docs/openapi.yaml) into the API function's {@code live} alias, optionally behind API
 * Gateway's JWT authorizer ({@code gatewayAuthorizer}), the {@code $default}
 * stage with throttling and access logs, the 5xx-rate and conflict-rate alarms, the {@code ApiUrl} output, and the
 * API function itself. A part of {@link AssessmentsStack}: its resources are created in the stack's own scope (the
 * stack says why).
 */
public final class AssessmentsHttpApi {

    /** The only DynamoDB calls the API handler makes on the table (items by key). */
    public static final List<String> TABLE_ACTIONS =
            List.of("dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
    /** The only call on the owner index: the list's Query (never a Scan). */
    public static final List<String> OWNER_INDEX_ACTIONS = List.of("dynamodb:Query");
    /** Share of requests answered with 5xx over five minutes that raises the alarm. */
    public static final double SERVER_ERROR_RATE_THRESHOLD = 0.05;
    /**
     * Share of API requests refused as version conflicts (409, 412) over five minutes that raises the alarm. Some
     * conflicts are optimistic locking working as designed (two editors of one assessment); this many means a client
     * re-sends stale versions or far more writers than usual share an item.
     */
    public static final double CONFLICT_RATE_THRESHOLD = 0.1;
    /** Below this many requests in five minutes the conflict rate says nothing (one conflict of two is 50%). */
    public static final int CONFLICT_RATE_MIN_REQUESTS = 20;

    private static final String ITEM = "/api/assessments/{id}";
    private static final String COLLECTION = "/api/assessments";
    /**
     * The methods that need {@code readScope}. HEAD has routes of its own: an HTTP API route matches its own method
     * (or {@code ANY}) only, a GET route does not answer HEAD (the API Gateway developer guide, "Routes for HTTP APIs":
     * a route is a method and a path; {@code ANY} matches the methods not defined for the path); an unmatched HEAD
     * would be API Gateway's 404 without invoking the function.
     */
    private static final List<HttpMethod> READ_METHODS = List.of(HttpMethod.GET, HttpMethod.HEAD);
    /** The methods of an assessment that need {@code writeScope} (the collection's POST needs it too). */
    private static final List<HttpMethod> WRITE_METHODS = List.of(HttpMethod.PUT, HttpMethod.DELETE);
    /** API Gateway HTTP APIs give up on an integration after 30 s; leave room for the client's retry. */
    public static final Duration TIMEOUT = Duration.seconds(10);

    private final SnapStartFunction function;
    private final HttpApi httpApi;
    private final HttpStage stage;
    private final LogGroup accessLogs;

    /** @param code the functions jar, shared by every function of the stack */
    public AssessmentsHttpApi(Stack stack, AssessmentsConfig config, Code code, AssessmentsTable table) {
        Secret cursorKey = cursorKey(stack, config);
        function = new SnapStartFunction(
                stack,
                "Api",
                config,
                code,
                new SnapStartFunction.Spec(
                        AssessmentsStack.API_FUNCTION_ID,
                        AssessmentsStack.API_HANDLER,
                        "Assessments HTTP API (POST, GET and HEAD list, GET, HEAD, PUT, DELETE)",
                        environment(config, table, cursorKey),
                        TIMEOUT));
        table.allow(function, TABLE_ACTIONS);
        table.allowOnOwnerIndex(function, OWNER_INDEX_ACTIONS);

        httpApi = HttpApi.Builder.create(stack, "HttpApi")
                .apiName(config.stackName())
                .description("Assessments API")
                // The default stage is created below, with throttling and access logs, which HttpApi's own lacks.
                .createDefaultStage(false)
                .corsPreflight(config.corsEnabled() ? cors(config.corsAllowedOrigins()) : null)
                .build();

        accessLogs = LogGroup.Builder.create(stack, "ApiAccessLogs")
                .retention(SnapStartFunction.LOG_RETENTION)
                .removalPolicy(config.removalPolicy())
                .build();
        stage = HttpStage.Builder.create(stack, "DefaultStage")
                .httpApi(httpApi)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(config.throttleRateLimit())
                        .burstLimit(config.throttleBurstLimit())
                        .build())
                .accessLogSettings(accessLogSettings(accessLogs))
                .build();

        // The integration targets the alias: $LATEST has no SnapStart snapshot.
        HttpLambdaIntegration integration = new HttpLambdaIntegration(
                "ApiIntegration",
                function.alias(),
                HttpLambdaIntegrationProps.builder()
                        .payloadFormatVersion(PayloadFormatVersion.VERSION_2_0)
                        .build());
        HttpJwtAuthorizer authorizer = config.gatewayAuthorizer() ? gatewayAuthorizer(config) : null;
        // PUT /api/assessments/{id} first: the integration's logical id derives from the first route bound to it.
        addRoutes(ITEM, WRITE_METHODS, config.writeScope(), integration, authorizer);
        addRoutes(ITEM, READ_METHODS, config.readScope(), integration, authorizer);
        addRoutes(COLLECTION, List.of(HttpMethod.POST), config.writeScope(), integration, authorizer);
        addRoutes(COLLECTION, READ_METHODS, config.readScope(), integration, authorizer);

        // For HTTP APIs the 5xx metric is 0 or 1 per request: its average is the 5xx rate.
        Alarms.alarm(
                stack,
                "Api5xxRateAlarm",
                httpApi.metricServerError(Alarms.statistic("Average", Duration.minutes(5))),
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                SERVER_ERROR_RATE_THRESHOLD,
                "More than " + Math.round(SERVER_ERROR_RATE_THRESHOLD * 100)
                        + "% of API requests got a 5xx in 5 minutes."
                        + " Look at: StoreUnavailable and the errors, throttles and duration alarms of ApiFunction on the"
                        + " dashboard; the access log's integrationError and the API function's ERROR lines; docs/operations.md,"
                        + " Api5xxRateAlarm.");

        ServiceMetrics metrics = new ServiceMetrics(config);
        Duration fiveMinutes = Duration.minutes(5);
        Alarms.alarm(
                stack,
                "ApiConflictRateAlarm",
                MathExpression.Builder.create()
                        .expression("IF(requests >= " + CONFLICT_RATE_MIN_REQUESTS + ", conflicts / requests, 0)")
                        .usingMetrics(Map.of(
                                "conflicts", metrics.api(ServiceMetrics.VERSION_CONFLICT, "Sum", fiveMinutes),
                                "requests", metrics.api(ServiceMetrics.REQUESTS, "Sum", fiveMinutes)))
                        .label("Version conflict rate")
                        .period(fiveMinutes)
                        .build(),
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                CONFLICT_RATE_THRESHOLD,
                "More than " + Math.round(CONFLICT_RATE_THRESHOLD * 100) + "% of API requests (at least "
                        + CONFLICT_RATE_MIN_REQUESTS
                        + " in 5 minutes) were refused as version conflicts (409/412). Look at:"
                        + " the conflicts-per-hour query and the 409/412 summary lines (route, caller's request ids) for a"
                        + " client that re-sends a stale version in a loop or many writers on one assessment;"
                        + " docs/operations.md, ApiConflictRateAlarm.");

        CfnOutput.Builder.create(stack, "ApiUrl")
                .description("Base URL of the API, e.g. <ApiUrl>api/assessments/{id}")
                .value(stage.getUrl())
                .build();

        if (authorizer == null) {
            NagSuppressions.addResourceSuppressions(
                    httpApi,
                    List.of(NagPackSuppression.builder()
                            .id("AwsSolutions-APIG4")
                            .reason("No API Gateway authorizer (gatewayAuthorizer=false): the function verifies every"
                                    + " request's JWT itself (signature against the issuer's keys, issuer, audience,"
                                    + " expiry, scopes) and answers 401 or 403 otherwise.")
                            .build()),
                    true);
        }
    }

    /**
     * API Gateway's JWT authorizer: it checks the signature (RSA keys only, found by OpenID discovery from the issuer),
     * {@code iss}, {@code aud} (or {@code client_id}), {@code exp}, {@code nbf}, {@code iat} and the route's scopes
     * before the function runs, and answers 401/403 with its own body. The function keeps verifying everything.
     */
    private static HttpJwtAuthorizer gatewayAuthorizer(AssessmentsConfig config) {
        return HttpJwtAuthorizer.Builder.create("JwtAuthorizer", config.jwtIssuer())
                .jwtAudience(List.of(config.jwtAudience()))
                .identitySource(List.of("$request.header.Authorization"))
                .build();
    }

    /**
     * Routes {@code methods} of {@code path} to the function, behind the gateway's authorizer when there is one, then
     * requiring {@code scope} when it is configured (without the authorizer, the function alone checks the scope).
     */
    private void addRoutes(
            String path,
            List<HttpMethod> methods,
            String scope,
            HttpLambdaIntegration integration,
            HttpJwtAuthorizer authorizer) {
        httpApi.addRoutes(AddRoutesOptions.builder()
                .path(path)
                .methods(methods)
                .integration(integration)
                .authorizer(authorizer)
                .authorizationScopes(authorizer == null || scope == null ? null : List.of(scope))
                .build());
    }

    /**
     * The HMAC key of the list's cursors: 64 random letters and digits, generated by Secrets Manager at the first
     * deployment and kept across deployments, read by the function as base64 (48 bytes, about 380 bits of entropy).
     * Passed as {@code CURSOR_KEY} through a CloudFormation dynamic reference, resolved at deployment: no call at cold
     * start, but the value is visible to whoever may read the function's configuration. That is proportionate: the key
     * only keeps a user from forging positions within their own assessments (the query is always the caller's).
     */
    private static Secret cursorKey(Stack stack, AssessmentsConfig config) {
        Secret secret = Secret.Builder.create(stack, "CursorKey")
                .description("HMAC key of the assessments list cursors (CURSOR_KEY of the API function)")
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(64)
                        .excludePunctuation(true)
                        .includeSpace(false)
                        .build())
                .removalPolicy(config.removalPolicy())
                .build();
        NagSuppressions.addResourceSuppressions(
                secret,
                List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-SMG4")
                        .reason(
                                "No automatic rotation: a new key ends every open listing (invalid-cursor, the client starts again);"
                                        + " rotate by hand when needed (docs/deploy.md). The key cannot expose data: queries are the caller's.")
                        .build()));
        return secret;
    }

    /** The configuration the API function's bootstrap reads: its table, how it verifies tokens, the cursor key. */
    private static Map<String, String> environment(AssessmentsConfig config, AssessmentsTable table, Secret cursorKey) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("TABLE_NAME", table.tableName());
        environment.put("CURSOR_KEY", cursorKey.getSecretValue().unsafeUnwrap());
        environment.put("JWT_ISSUER", config.jwtIssuer());
        environment.put("JWT_AUDIENCE", config.jwtAudience());
        // Each unset variable keeps the function's default: keys by OpenID discovery, no scope check, lenient typ.
        putIfSet(environment, "JWKS_URL", config.jwksUrl());
        putIfSet(environment, "READ_SCOPE", config.readScope());
        putIfSet(environment, "WRITE_SCOPE", config.writeScope());
        putIfSet(environment, "JWT_STRICT_TYPE", config.jwtStrictType() ? "true" : null);
        return environment;
    }

    private static void putIfSet(Map<String, String> environment, String name, String value) {
        if (value != null) {
            environment.put(name, value);
        }
    }

    private static CorsPreflightOptions cors(List<String> origins) {
        return CorsPreflightOptions.builder()
                .allowOrigins(origins)
                .allowMethods(List.of(
                        CorsHttpMethod.GET,
                        CorsHttpMethod.HEAD,
                        CorsHttpMethod.PUT,
                        CorsHttpMethod.POST,
                        CorsHttpMethod.DELETE,
                        CorsHttpMethod.OPTIONS))
                // The API answers conditional requests (If-Match on PUT and DELETE, If-None-Match on GET) and safe
                // retries.
                .allowHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key"))
                .exposeHeaders(List.of("ETag", "Location"))
                .maxAge(Duration.hours(1))
                .build();
    }

    /** HTTP API context variables (the REST API's standard JSON fields name some that HTTP APIs lack). */
    private static IAccessLogSettings accessLogSettings(LogGroup logGroup) {
        String format = "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
                + "\"requestTime\":\"$context.requestTime\",\"httpMethod\":\"$context.httpMethod\","
                + "\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\",\"protocol\":\"$context.protocol\","
                + "\"responseLength\":\"$context.responseLength\",\"responseLatency\":\"$context.responseLatency\","
                + "\"integrationLatency\":\"$context.integrationLatency\","
                + "\"integrationError\":\"$context.integrationErrorMessage\","
                // Why the gateway's JWT authorizer refused a request (gatewayAuthorizer=true): the function never saw
                // it.
                + "\"authorizerError\":\"$context.authorizer.error\"}";
        LogGroupLogDestination destination = new LogGroupLogDestination(logGroup);
        return new IAccessLogSettings() {
            @Override
            public IAccessLogDestination getDestination() {
                return destination;
            }

            @Override
            public AccessLogFormat getFormat() {
                return AccessLogFormat.custom(format);
            }
        };
    }

    /** The API function, whose {@code live} alias the routes invoke. */
    public SnapStartFunction function() {
        return function;
    }

    public HttpApi httpApi() {
        return httpApi;
    }

    /** The stage's access log: one JSON line per request, with API Gateway's request id and latencies. */
    public LogGroup accessLogs() {
        return accessLogs;
    }

    /** The {@code $default} stage, whose URL is the {@code ApiUrl} output. */
    public HttpStage stage() {
        return stage;
    }
}
