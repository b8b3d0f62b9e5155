package org.assessmentsapi.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One Java handler of the functions jar, deployed the way every function of this project is: java25 on arm64,
 * SnapStart on published versions behind the {@value #ALIAS_NAME} alias (callers must invoke the alias, since
 * {@code $LATEST} never gets a snapshot), its own log group (JSON, level {@link #APPLICATION_LOG_LEVEL}) and its
 * own role, active tracing, the metrics namespace, and alarms on errors, throttles and p99 duration.
 *
 * <p>A second function (e.g. the SQS-fed events handler) is one more instance with its own {@link Spec}; its
 * permissions are added to its own role only, so no function carries another's rights.
 */
public final class SnapStartFunction extends Construct {

    public static final String ALIAS_NAME = "live";
    public static final RetentionDays LOG_RETENTION = RetentionDays.ONE_MONTH;
    /**
     * No compiler flag, on purpose: with SnapStart, Lambda's java25 runtime keeps the JVM's default tiered
     * compilation (without it, the runtime stops at C1 itself), and the primings run long enough for C2 code to be
     * in the snapshot (docs/benchmarks.md, "C1 or C2": the API's own CPU per new-token PUT 53 us against 259 us at
     * C1). Native access for the unnamed modules: the CRT HTTP client and the runtime client load JNI libraries,
     * which JDK 25 warns about and a later JDK refuses without it.
     */
    public static final String JAVA_TOOL_OPTIONS = "--enable-native-access=ALL-UNNAMED";
    /**
     * The share of its timeout a function's p99 duration may use before its duration alarm fires: above it, the
     * slowest invocations are one slow DynamoDB retry away from being cut off.
     */
    public static final double LATENCY_BUDGET_SHARE = 0.5;
    /**
     * The function log's level filter (Lambda's {@code AWS_LAMBDA_LOG_LEVEL}), pinned rather than left to
     * Lambda's default. INFO keeps the one summary line per request or message and the metric documents, which
     * Lambda files at INFO (docs/operations.md: raising it to WARN would drop them).
     */
    public static final ApplicationLogLevel APPLICATION_LOG_LEVEL = ApplicationLogLevel.INFO;

    /**
     * @param logicalId   fixed CloudFormation logical id of the function, so that {@code sam local invoke} and the
     *                    docs can name it; it must stay stable once deployed
     * @param handler     {@code class::method} in the functions jar
     * @param description shown in the Lambda console
     * @param environment configuration of the function, on top of {@code JAVA_TOOL_OPTIONS} and
     *                    {@code METRICS_NAMESPACE}
     * @param timeout     the function's timeout, chosen for what invokes it (an HTTP integration, a queue)
     */
    public record Spec(
            String logicalId, String handler, String description, Map<String, String> environment, Duration timeout) {
        public Spec {
            environment = Map.copyOf(environment);
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    private final Function function;
    private final Alias alias;
    private final Role role;
    private final LogGroup logGroup;

    public SnapStartFunction(Construct scope, String id, AssessmentsConfig config, Code code, Spec spec) {
        super(scope, id);
        logGroup = LogGroup.Builder.create(this, "Logs")
                .retention(LOG_RETENTION)
                .removalPolicy(config.removalPolicy())
                .build();

        // An explicit role instead of the managed AWSLambdaBasicExecutionRole: it may write to this log group only.
        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Runs " + spec.handler())
                .build();
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logGroup.getLogGroupArn()))
                .build());

        Map<String, String> environment = new LinkedHashMap<>(spec.environment());
        environment.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        environment.put(ServiceMetrics.NAMESPACE_VARIABLE, config.metricsNamespace());

        function = Function.Builder.create(this, "Function")
                .description(spec.description())
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .memorySize(config.memorySize())
                .timeout(spec.timeout())
                .code(code)
                .handler(spec.handler())
                .environment(environment)
                .role(role)
                .logGroup(logGroup)
                .loggingFormat(LoggingFormat.JSON)
                .applicationLogLevelV2(APPLICATION_LOG_LEVEL)
                // START, END and REPORT (duration, init duration, memory) per invocation: what the platform says.
                .systemLogLevelV2(SystemLogLevel.INFO)
                .tracing(Tracing.ACTIVE)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .build();
        ((CfnFunction) function.getNode().getDefaultChild()).overrideLogicalId(spec.logicalId());
        // The warning says SnapStart only applies to published versions: the alias below publishes one.
        Annotations.of(function)
                .acknowledgeWarning(
                        "@aws-cdk/aws-lambda:snapStartRequirePublish",
                        "Callers invoke the '" + ALIAS_NAME + "' alias of the current published version");

        alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS_NAME)
                .version(function.getCurrentVersion())
                .build();

        // Each finding accepted for this function, with its reason; anything else still fails the synth.
        NagSuppressions.addResourceSuppressions(
                role,
                List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .appliesTo(List.of("Resource::*"))
                        .reason(
                                "Only the xray:PutTraceSegments and xray:PutTelemetryRecords statement that active tracing adds:"
                                        + " these X-Ray actions support no resource-level permissions, so their resource must be '*'.")
                        .build()),
                true);

        MetricOptions fiveMinuteSum = Alarms.statistic("Sum", Duration.minutes(5));
        Alarms.alarm(
                this,
                "ErrorsAlarm",
                function.metricErrors(fiveMinuteSum),
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                1,
                spec.handler() + " failed (uncaught exception, timeout or out of memory). Look at: the function log's"
                        + " ERROR lines and the platform's REPORT lines (Status: timeout, Max Memory Used) around the alarm"
                        + " time; docs/operations.md, ErrorsAlarm.");
        Alarms.alarm(
                this,
                "ThrottlesAlarm",
                function.metricThrottles(fiveMinuteSum),
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                1,
                spec.handler() + " was throttled: the account's or function's concurrency is exhausted. Look at: the"
                        + " account's ConcurrentExecutions, other functions of the account, the Throttles widget of the"
                        + " dashboard; docs/operations.md, ThrottlesAlarm.");
        long budgetMillis = Math.round(spec.timeout().toMilliseconds().doubleValue() * LATENCY_BUDGET_SHARE);
        Alarms.alarm(
                this,
                "DurationAlarm",
                function.metricDuration(Alarms.statistic("p99", Duration.minutes(5))),
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                budgetMillis,
                "The p99 duration of " + spec.handler() + " exceeded " + budgetMillis + " ms, "
                        + Math.round(LATENCY_BUDGET_SHARE * 100) + "% of its "
                        + spec.timeout().toSeconds().intValue() + " s timeout."
                        + " Look at: DynamoDbLatency p99 on the dashboard (a slow or throttled table), the slowest requests"
                        + " query, cold starts; docs/operations.md, DurationAlarm.");
    }

    /** Lets this function, and no other, call exactly {@code actions} on exactly {@code resourceArns}. */
    public void allow(List<String> actions, List<String> resourceArns) {
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(actions)
                .resources(resourceArns)
                .build());
    }

    public Function function() {
        return function;
    }

    /** What event sources and integrations must invoke: the SnapStart-enabled published version. */
    public Alias alias() {
        return alias;
    }

    public Role role() {
        return role;
    }

    public LogGroup logGroup() {
        return logGroup;
    }
}
