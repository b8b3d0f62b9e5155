package org.assessmentsapi.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
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
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SqsQueue;
import software.amazon.awscdk.services.events.targets.SqsQueueProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The assessments API on AWS: one DynamoDB table, the HTTP API and the function(s) of the functions jar.
 * Everything that varies between deployments comes from {@link AssessmentsConfig}.
 */
public final class AssessmentsStack extends Stack {

  public static final String API_HANDLER = "org.assessmentsapi.adapter.http.ApiHandler::handleRequest";
  /** The logical id of the API function in the template, e.g. for {@code sam local invoke ApiFunction}. */
  public static final String API_FUNCTION_ID = "ApiFunction";
  /** The only DynamoDB calls the API handler makes. */
  public static final List<String> API_TABLE_ACTIONS =
      List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
  /** Share of requests answered with 5xx over five minutes that raises the alarm. */
  public static final double API_5XX_RATE_THRESHOLD = 0.05;
  /** API Gateway HTTP APIs give up on an integration after 30 s; leave room for the client's retry. */
  public static final Duration API_TIMEOUT = Duration.seconds(10);

  public static final String EVENTS_HANDLER = "org.assessmentsapi.adapter.events.AssessmentEventsHandler::handleRequest";
  /** The logical id of the events function, e.g. for {@code sam local invoke EventsFunction}. */
  public static final String EVENTS_FUNCTION_ID = "EventsFunction";
  /** The only DynamoDB calls the events handler makes (the update, and a read when its condition fails). */
  public static final List<String> EVENTS_TABLE_ACTIONS = List.of("dynamodb:GetItem", "dynamodb:UpdateItem");
  /** The events the rule routes to the queue (docs/events.md). */
  public static final String EVENTS_DETAIL_TYPE = "Assessment Update Requested";
  /**
   * A batch of 10 takes ~6 s per message in the worst case and the handler returns what it has no time for;
   * 60 s lets a default batch finish even when DynamoDB is slow.
   */
  public static final int EVENTS_TIMEOUT_SECONDS = 60;
  /** The queue's default; the dead-letter queue keeps messages longer (see {@link #EVENTS_DLQ_RETENTION}). */
  public static final Duration EVENTS_QUEUE_RETENTION = Duration.days(4);
  /**
   * SQS keeps a standard queue's original enqueue time when it moves a message to the dead-letter queue, so the
   * dead-letter queue must retain longer than the queue; 14 days is the SQS maximum.
   */
  public static final Duration EVENTS_DLQ_RETENTION = Duration.days(14);
  /** EventBridge's own delivery retries to the queue (its maximum), for at most a day, then the dead-letter queue. */
  public static final int EVENTS_DELIVERY_RETRY_ATTEMPTS = 185;
  public static final Duration EVENTS_DELIVERY_MAX_AGE = Duration.hours(24);
  /** A backlog older than this means the function is failing or cannot keep up. */
  public static final java.time.Duration EVENTS_BACKLOG_ALARM_AGE = java.time.Duration.ofMinutes(15);

  private final Table table;
  private final SnapStartFunction apiFunction;
  private final HttpApi httpApi;
  private final HttpStage stage;
  private final SnapStartFunction eventsFunction;
  private final Queue eventsQueue;
  private final Queue eventsDeadLetterQueue;
  private final Rule eventsRule;

  public AssessmentsStack(Construct scope, String id, StackProps props, AssessmentsConfig config) {
    super(scope, id, props);
    RemovalPolicy removal = config.dev() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    table = Table.Builder.create(this, "AssessmentsTable")
        .partitionKey(Attribute.builder().name("id").type(AttributeType.STRING).build())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
            .pointInTimeRecoveryEnabled(true)
            .build())
        .encryption(TableEncryption.AWS_MANAGED)
        .deletionProtection(!config.dev())
        .removalPolicy(removal)
        .build();

    // One asset for all handlers: they ship in the same shaded jar.
    Code functionsCode = Code.fromAsset(config.functionsJar().toString());
    Map<String, String> environment = new java.util.LinkedHashMap<>();
    environment.put("TABLE_NAME", table.getTableName());
    environment.put("JWT_ISSUER", config.jwtIssuer());
    environment.put("JWT_AUDIENCE", config.jwtAudience());
    if (config.jwksUrl() != null) {
      environment.put("JWKS_URL", config.jwksUrl());
    }
    apiFunction = new SnapStartFunction(this, "Api", config, functionsCode, new SnapStartFunction.Spec(
        API_FUNCTION_ID, API_HANDLER, "Assessments HTTP API (PUT, GET, POST)", environment, API_TIMEOUT));
    apiFunction.allow(API_TABLE_ACTIONS, List.of(table.getTableArn()));

    httpApi = HttpApi.Builder.create(this, "HttpApi")
        .apiName(config.stackName())
        .description("Assessments API")
        // The default stage is created below, with throttling and access logs, which HttpApi's own lacks.
        .createDefaultStage(false)
        .corsPreflight(config.corsEnabled() ? cors(config.corsAllowedOrigins()) : null)
        .build();

    LogGroup accessLogs = LogGroup.Builder.create(this, "ApiAccessLogs")
        .retention(SnapStartFunction.LOG_RETENTION)
        .removalPolicy(removal)
        .build();
    stage = HttpStage.Builder.create(this, "DefaultStage")
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
    HttpLambdaIntegration integration = new HttpLambdaIntegration("ApiIntegration", apiFunction.alias(),
        HttpLambdaIntegrationProps.builder().payloadFormatVersion(PayloadFormatVersion.VERSION_2_0).build());
    httpApi.addRoutes(AddRoutesOptions.builder()
        .path("/api/assessments/{id}")
        .methods(List.of(HttpMethod.PUT, HttpMethod.GET))
        .integration(integration)
        .build());
    httpApi.addRoutes(AddRoutesOptions.builder()
        .path("/api/assessments")
        .methods(List.of(HttpMethod.POST))
        .integration(integration)
        .build());

    Alarm.Builder.create(this, "Api5xxRateAlarm")
        .alarmDescription("More than " + Math.round(API_5XX_RATE_THRESHOLD * 100) + "% of API requests got a 5xx")
        // For HTTP APIs the 5xx metric is 0 or 1 per request: its average is the 5xx rate.
        .metric(httpApi.metricServerError(MetricOptions.builder()
            .period(Duration.minutes(5))
            .statistic("Average")
            .build()))
        .threshold(API_5XX_RATE_THRESHOLD)
        .evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();

    // Event-driven updates (docs/events.md): EventBridge rule -> queue (with a dead-letter queue) -> function.
    eventsFunction = new SnapStartFunction(this, "Events", config, functionsCode, new SnapStartFunction.Spec(
        EVENTS_FUNCTION_ID, EVENTS_HANDLER, "Assessment Update Requested events from SQS",
        Map.of("TABLE_NAME", table.getTableName()), Duration.seconds(EVENTS_TIMEOUT_SECONDS)));
    eventsFunction.allow(EVENTS_TABLE_ACTIONS, List.of(table.getTableArn()));

    // SSE-SQS: encrypted at rest with keys SQS owns, at no cost and with no key policy for EventBridge to need.
    eventsDeadLetterQueue = Queue.Builder.create(this, "EventsDeadLetterQueue")
        .encryption(QueueEncryption.SQS_MANAGED)
        .enforceSsl(true)
        .retentionPeriod(EVENTS_DLQ_RETENTION)
        .removalPolicy(removal)
        .build();
    eventsQueue = Queue.Builder.create(this, "EventsQueue")
        .encryption(QueueEncryption.SQS_MANAGED)
        .enforceSsl(true)
        .retentionPeriod(EVENTS_QUEUE_RETENTION)
        .visibilityTimeout(Duration.seconds(visibilityTimeoutSeconds(config.eventsBatchingWindowSeconds())))
        .deadLetterQueue(DeadLetterQueue.builder()
            .queue(eventsDeadLetterQueue)
            .maxReceiveCount(config.eventsMaxReceiveCount())
            .build())
        .removalPolicy(removal)
        .build();

    eventsRule = Rule.Builder.create(this, "EventsRule")
        .description("Routes '" + EVENTS_DETAIL_TYPE + "' events to the queue of " + EVENTS_FUNCTION_ID)
        .eventBus(config.defaultEventBus() ? null : EventBus.fromEventBusName(this, "EventBus", config.eventBusName()))
        .eventPattern(EventPattern.builder()
            .detailType(List.of(EVENTS_DETAIL_TYPE))
            .source(config.eventSources().isEmpty() ? null : config.eventSources())
            .build())
        .build();
    // Also adds the queue policy that lets events.amazonaws.com send only on behalf of this rule (aws:SourceArn).
    // An event EventBridge cannot deliver (queue unavailable, policy broken) goes to the same dead-letter
    // queue after its retries instead of being dropped: nothing is lost between the bus and the queue either.
    eventsRule.addTarget(new SqsQueue(eventsQueue, SqsQueueProps.builder()
        .deadLetterQueue(eventsDeadLetterQueue)
        .retryAttempts(EVENTS_DELIVERY_RETRY_ATTEMPTS)
        .maxEventAge(EVENTS_DELIVERY_MAX_AGE)
        .build()));

    // On the alias: the SnapStart version. Also grants the function's role the consume actions on this queue.
    eventsFunction.alias().addEventSource(SqsEventSource.Builder.create(eventsQueue)
        .batchSize(config.eventsBatchSize())
        .maxBatchingWindow(config.eventsBatchingWindowSeconds() == 0
            ? null : Duration.seconds(config.eventsBatchingWindowSeconds()))
        .reportBatchItemFailures(true)
        .maxConcurrency(config.eventsMaxConcurrency())
        .build());

    Alarm.Builder.create(this, "EventsDeadLetterQueueAlarm")
        .alarmDescription("Assessment update events reached the dead-letter queue: inspect them, then redrive"
            + " (docs/deploy.md)")
        .metric(eventsDeadLetterQueue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
            .period(Duration.minutes(1))
            .statistic("Maximum")
            .build()))
        .threshold(0)
        .evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
        // SQS stops sending metrics for a queue that stays empty and idle: that is the healthy case.
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();

    Alarm.Builder.create(this, "EventsBacklogAlarm")
        .alarmDescription("The oldest assessment update event has waited over "
            + EVENTS_BACKLOG_ALARM_AGE.toMinutes() + " minutes: the events function is failing or too slow")
        .metric(eventsQueue.metricApproximateAgeOfOldestMessage(MetricOptions.builder()
            .period(Duration.minutes(5))
            .statistic("Maximum")
            .build()))
        .threshold(EVENTS_BACKLOG_ALARM_AGE.toSeconds())
        .evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();

    CfnOutput.Builder.create(this, "ApiUrl")
        .description("Base URL of the API, e.g. <ApiUrl>api/assessments/{id}")
        .value(stage.getUrl())
        .build();
    CfnOutput.Builder.create(this, "TableName")
        .description("DynamoDB table of the assessments")
        .value(table.getTableName())
        .build();
    CfnOutput.Builder.create(this, "EventsQueueUrl")
        .description("SQS queue that the events rule feeds and the events function consumes")
        .value(eventsQueue.getQueueUrl())
        .build();
    CfnOutput.Builder.create(this, "EventsQueueArn")
        .description("ARN of the events queue (the destination of a redrive)")
        .value(eventsQueue.getQueueArn())
        .build();
    CfnOutput.Builder.create(this, "EventsDeadLetterQueueName")
        .description("Dead-letter queue of the events queue: messages not handled after maxReceiveCount receives")
        .value(eventsDeadLetterQueue.getQueueName())
        .build();
    CfnOutput.Builder.create(this, "EventsDeadLetterQueueArn")
        .description("ARN of the dead-letter queue, the --source-arn of aws sqs start-message-move-task")
        .value(eventsDeadLetterQueue.getQueueArn())
        .build();

    suppressNagFindings();
  }

  private static CorsPreflightOptions cors(List<String> origins) {
    return CorsPreflightOptions.builder()
        .allowOrigins(origins)
        .allowMethods(List.of(CorsHttpMethod.GET, CorsHttpMethod.PUT, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS))
        // The API answers conditional requests: If-Match on PUT, If-None-Match on GET.
        .allowHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match"))
        .exposeHeaders(List.of("ETag", "Location"))
        .maxAge(Duration.hours(1))
        .build();
  }

  /**
   * AWS asks for a visibility timeout of at least six times the function timeout, plus the batching window, for an
   * SQS event source: a batch whose invocation is throttled or retried is not received twice meanwhile.
   */
  public static int visibilityTimeoutSeconds(int batchingWindowSeconds) {
    return 6 * EVENTS_TIMEOUT_SECONDS + batchingWindowSeconds;
  }

  /** HTTP API context variables (the REST API's standard JSON fields name some that HTTP APIs lack). */
  private static IAccessLogSettings accessLogSettings(LogGroup logGroup) {
    String format = "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
        + "\"requestTime\":\"$context.requestTime\",\"httpMethod\":\"$context.httpMethod\","
        + "\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\",\"protocol\":\"$context.protocol\","
        + "\"responseLength\":\"$context.responseLength\",\"responseLatency\":\"$context.responseLatency\","
        + "\"integrationLatency\":\"$context.integrationLatency\","
        + "\"integrationError\":\"$context.integrationErrorMessage\"}";
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

  /** Every AwsSolutions finding this stack accepts, each with the reason it is accepted. */
  private void suppressNagFindings() {
    NagSuppressions.addResourceSuppressions(httpApi, List.of(NagPackSuppression.builder()
        .id("AwsSolutions-APIG4")
        .reason("No API Gateway authorizer on purpose: the function verifies every request's JWT itself"
            + " (signature against the issuer's JWKS, issuer, audience, expiry) and answers 401 otherwise.")
        .build()), true);
  }

  public Table table() {
    return table;
  }

  public SnapStartFunction apiFunction() {
    return apiFunction;
  }

  public HttpApi httpApi() {
    return httpApi;
  }

  public HttpStage stage() {
    return stage;
  }

  public SnapStartFunction eventsFunction() {
    return eventsFunction;
  }

  public Queue eventsQueue() {
    return eventsQueue;
  }

  public Queue eventsDeadLetterQueue() {
    return eventsDeadLetterQueue;
  }

  public Rule eventsRule() {
    return eventsRule;
  }
}
