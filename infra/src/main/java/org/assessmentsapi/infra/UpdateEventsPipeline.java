package org.assessmentsapi.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SqsQueue;
import software.amazon.awscdk.services.events.targets.SqsQueueProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;

/**
 * Event-driven updates (docs/events.md): an EventBridge rule routes {@value #DETAIL_TYPE} events into the events
 * queue, and the queue's event source mapping feeds them in batches to the events function; whatever the rule
 * cannot deliver or the function keeps failing on lands in the dead-letter queue. With the pipeline's two queue
 * alarms and its four outputs (for publishing and redrive). A part of {@link AssessmentsStack}: its resources are
 * created in the stack's own scope (the stack says why).
 */
public final class UpdateEventsPipeline {

    /** The events the rule routes to the queue (docs/events.md). */
    public static final String DETAIL_TYPE = "Assessment Update Requested";
    /** The only DynamoDB calls the events handler makes (the update, and a read when its condition fails). */
    public static final List<String> TABLE_ACTIONS = List.of("dynamodb:GetItem", "dynamodb:UpdateItem");
    /**
     * A batch of 10 takes ~6 s per message in the worst case and the handler returns what it has no time for;
     * 60 s lets a default batch finish even when DynamoDB is slow.
     */
    public static final int TIMEOUT_SECONDS = 60;
    /** The queue's default; the dead-letter queue keeps messages longer (see {@link #DLQ_RETENTION}). */
    public static final Duration QUEUE_RETENTION = Duration.days(4);
    /**
     * SQS keeps a standard queue's original enqueue time when it moves a message to the dead-letter queue, so the
     * dead-letter queue must retain longer than the queue; 14 days is the SQS maximum.
     */
    public static final Duration DLQ_RETENTION = Duration.days(14);
    /** EventBridge's own delivery retries to the queue (its maximum), for at most a day, then the dead-letter queue. */
    public static final int DELIVERY_RETRY_ATTEMPTS = 185;

    public static final Duration DELIVERY_MAX_AGE = Duration.hours(24);
    /** A backlog older than this means the function is failing or cannot keep up. */
    public static final java.time.Duration BACKLOG_ALARM_AGE = java.time.Duration.ofMinutes(15);

    private final SnapStartFunction function;
    private final Queue queue;
    private final Queue deadLetterQueue;
    private final Rule rule;

    /** @param code the functions jar, shared by every function of the stack */
    public UpdateEventsPipeline(Stack stack, AssessmentsConfig config, Code code, AssessmentsTable table) {
        function = new SnapStartFunction(
                stack,
                "Events",
                config,
                code,
                new SnapStartFunction.Spec(
                        AssessmentsStack.EVENTS_FUNCTION_ID,
                        AssessmentsStack.EVENTS_HANDLER,
                        DETAIL_TYPE + " events from SQS",
                        Map.of("TABLE_NAME", table.tableName()),
                        Duration.seconds(TIMEOUT_SECONDS)));
        table.allow(function, TABLE_ACTIONS);

        deadLetterQueue = encryptedQueue(stack, "EventsDeadLetterQueue", config)
                .retentionPeriod(DLQ_RETENTION)
                .build();
        queue = encryptedQueue(stack, "EventsQueue", config)
                .retentionPeriod(QUEUE_RETENTION)
                .visibilityTimeout(Duration.seconds(visibilityTimeoutSeconds(config.eventsBatchingWindowSeconds())))
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(deadLetterQueue)
                        .maxReceiveCount(config.eventsMaxReceiveCount())
                        .build())
                .build();

        rule = Rule.Builder.create(stack, "EventsRule")
                .description(
                        "Routes '" + DETAIL_TYPE + "' events to the queue of " + AssessmentsStack.EVENTS_FUNCTION_ID)
                .eventBus(
                        config.defaultEventBus()
                                ? null
                                : EventBus.fromEventBusName(stack, "EventBus", config.eventBusName()))
                .eventPattern(EventPattern.builder()
                        .detailType(List.of(DETAIL_TYPE))
                        .source(config.eventSources().isEmpty() ? null : config.eventSources())
                        .build())
                .build();
        // Also adds the queue policy that lets events.amazonaws.com send only on behalf of this rule (aws:SourceArn).
        // An event EventBridge cannot deliver (queue unavailable, policy broken) goes to the same dead-letter
        // queue after its retries instead of being dropped: nothing is lost between the bus and the queue either.
        rule.addTarget(new SqsQueue(
                queue,
                SqsQueueProps.builder()
                        .deadLetterQueue(deadLetterQueue)
                        .retryAttempts(DELIVERY_RETRY_ATTEMPTS)
                        .maxEventAge(DELIVERY_MAX_AGE)
                        .build()));

        // On the alias: the SnapStart version. Also grants the function's role the consume actions on this queue.
        function.alias()
                .addEventSource(SqsEventSource.Builder.create(queue)
                        .batchSize(config.eventsBatchSize())
                        .maxBatchingWindow(
                                config.eventsBatchingWindowSeconds() == 0
                                        ? null
                                        : Duration.seconds(config.eventsBatchingWindowSeconds()))
                        .reportBatchItemFailures(true)
                        .maxConcurrency(config.eventsMaxConcurrency())
                        .build());

        // SQS stops sending metrics for a queue that stays empty and idle: that is the healthy case.
        Alarms.alarm(
                stack,
                "EventsDeadLetterQueueAlarm",
                deadLetterQueue.metricApproximateNumberOfMessagesVisible(
                        Alarms.statistic("Maximum", Duration.minutes(1))),
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                0,
                "Assessment update events reached the dead-letter queue. Look at: the events function's summary lines"
                        + " with outcome retried (why each attempt failed), the messages themselves; fix the cause, then redrive"
                        + " (docs/deploy.md); docs/operations.md, EventsDeadLetterQueueAlarm.");
        Alarms.alarm(
                stack,
                "EventsBacklogAlarm",
                queue.metricApproximateAgeOfOldestMessage(Alarms.statistic("Maximum", Duration.minutes(5))),
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                BACKLOG_ALARM_AGE.toSeconds(),
                "The oldest assessment update event has waited over " + BACKLOG_ALARM_AGE.toMinutes()
                        + " minutes: the events function is failing or too slow. Look at: Retried and DynamoDbLatency of the"
                        + " events service, the events function's errors, throttles and duration alarms, the mapping's maximum"
                        + " concurrency; docs/operations.md, EventsBacklogAlarm.");

        CfnOutput.Builder.create(stack, "EventsQueueUrl")
                .description("SQS queue that the events rule feeds and the events function consumes")
                .value(queue.getQueueUrl())
                .build();
        CfnOutput.Builder.create(stack, "EventsQueueArn")
                .description("ARN of the events queue (the destination of a redrive)")
                .value(queue.getQueueArn())
                .build();
        CfnOutput.Builder.create(stack, "EventsDeadLetterQueueName")
                .description(
                        "Dead-letter queue of the events queue: messages not handled after maxReceiveCount receives")
                .value(deadLetterQueue.getQueueName())
                .build();
        CfnOutput.Builder.create(stack, "EventsDeadLetterQueueArn")
                .description("ARN of the dead-letter queue, the --source-arn of aws sqs start-message-move-task")
                .value(deadLetterQueue.getQueueArn())
                .build();
    }

    /**
     * AWS asks for a visibility timeout of at least six times the function timeout, plus the batching window, for an
     * SQS event source: a batch whose invocation is throttled or retried is not received twice meanwhile.
     */
    public static int visibilityTimeoutSeconds(int batchingWindowSeconds) {
        return 6 * TIMEOUT_SECONDS + batchingWindowSeconds;
    }

    /** SSE-SQS: encrypted at rest with keys SQS owns, at no cost and with no key policy for EventBridge to need. */
    private static Queue.Builder encryptedQueue(Stack stack, String id, AssessmentsConfig config) {
        return Queue.Builder.create(stack, id)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .removalPolicy(config.removalPolicy());
    }

    /** The events function, whose {@code live} alias the event source mapping invokes. */
    public SnapStartFunction function() {
        return function;
    }

    public Queue queue() {
        return queue;
    }

    public Queue deadLetterQueue() {
        return deadLetterQueue;
    }

    public Rule rule() {
        return rule;
    }
}
