package org.assessmentsapi.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.LogQueryVisualizationType;
import software.amazon.awscdk.services.cloudwatch.LogQueryWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.lambda.Function;

/**
 * The one CloudWatch dashboard of the stack, row by row: API traffic (requests by route and status class, 4xx/5xx,
 * p50/p99 latency per route from the access log), what requests were refused for (conflicts, validation,
 * authentication, store), DynamoDB latency, cold starts, errors and throttles of both functions, the update events
 * (applied, already applied, rejected, retried, queue age, dead-letter queue depth), and the state of every alarm.
 * docs/operations.md explains each widget. A part of {@link AssessmentsStack}, created after the others (it shows
 * their resources and alarms).
 */
public final class OperationsDashboard {

    private static final Duration PERIOD = Duration.minutes(5);
    private static final int WIDTH = 8;
    private static final int HEIGHT = 6;

    private final Dashboard dashboard;

    public OperationsDashboard(
            Stack stack, AssessmentsConfig config, AssessmentsHttpApi api, UpdateEventsPipeline updateEvents) {
        ServiceMetrics metrics = new ServiceMetrics(config);
        Function apiFunction = api.function().function();
        Function eventsFunction = updateEvents.function().function();

        dashboard = Dashboard.Builder.create(stack, "OperationsDashboard")
                .dashboardName(config.stackName() + "-operations")
                .defaultInterval(Duration.hours(3))
                .build();

        dashboard.addWidgets(
                graph(
                        "API requests by route and status class",
                        List.of(MathExpression.Builder.create()
                                .expression("SEARCH('{\"" + metrics.namespace() + "\"," + ServiceMetrics.SERVICE
                                        + ",Route,StatusClass} "
                                        + ServiceMetrics.SERVICE + "=\"" + ServiceMetrics.API + "\" MetricName=\""
                                        + ServiceMetrics.REQUESTS
                                        + "\"', 'Sum', " + PERIOD.toSeconds() + ")")
                                .label("")
                                .period(PERIOD)
                                .build())),
                graph(
                        "API Gateway 4xx and 5xx",
                        List.of(
                                api.httpApi().metricClientError(sum()),
                                api.httpApi().metricServerError(sum()))),
                LogQueryWidget.Builder.create()
                        .title("Latency per route (ms, access log)")
                        .logGroupNames(List.of(api.accessLogs().getLogGroupName()))
                        .queryLines(List.of(
                                "fields routeKey, responseLatency, integrationLatency",
                                "filter ispresent(routeKey)",
                                "stats count(*) as requests, pct(responseLatency, 50) as p50, pct(responseLatency, 99) as p99,"
                                        + " pct(integrationLatency, 99) as function_p99 by routeKey"))
                        .view(LogQueryVisualizationType.TABLE)
                        .width(WIDTH)
                        .height(HEIGHT)
                        .build());

        dashboard.addWidgets(
                graph(
                        "Version conflicts (409, 412)",
                        List.of(metrics.api(ServiceMetrics.VERSION_CONFLICT, "Sum", PERIOD)),
                        List.of(MathExpression.Builder.create()
                                .expression("conflicts / requests")
                                .usingMetrics(Map.of(
                                        "conflicts", metrics.api(ServiceMetrics.VERSION_CONFLICT, "Sum", PERIOD),
                                        "requests", metrics.api(ServiceMetrics.REQUESTS, "Sum", PERIOD)))
                                .label("Conflict rate")
                                .period(PERIOD)
                                .build())),
                graph(
                        "Refused requests",
                        List.of(
                                metrics.api(ServiceMetrics.VALIDATION_FAILED, "Sum", PERIOD),
                                metrics.api(ServiceMetrics.UNAUTHORIZED, "Sum", PERIOD),
                                metrics.api(ServiceMetrics.FORBIDDEN, "Sum", PERIOD),
                                metrics.api(ServiceMetrics.STORE_UNAVAILABLE, "Sum", PERIOD))),
                graph(
                        "Latency p50 / p99 (ms): API, DynamoDB calls",
                        List.of(
                                api.httpApi().metricLatency(statistic("p50")),
                                api.httpApi().metricLatency(statistic("p99")),
                                metrics.api(ServiceMetrics.DYNAMODB_LATENCY, "p50", PERIOD),
                                metrics.api(ServiceMetrics.DYNAMODB_LATENCY, "p99", PERIOD),
                                metrics.events(ServiceMetrics.DYNAMODB_LATENCY, "p50", PERIOD),
                                metrics.events(ServiceMetrics.DYNAMODB_LATENCY, "p99", PERIOD))));

        dashboard.addWidgets(
                graph(
                        "Cold starts",
                        List.of(
                                metrics.api(ServiceMetrics.COLD_START, "Sum", PERIOD),
                                metrics.events(ServiceMetrics.COLD_START, "Sum", PERIOD))),
                graph(
                        "Lambda errors and throttles",
                        List.of(
                                apiFunction.metricErrors(sum()), apiFunction.metricThrottles(sum()),
                                eventsFunction.metricErrors(sum()), eventsFunction.metricThrottles(sum()))),
                graph(
                        "Lambda duration p99 (ms)",
                        List.of(
                                apiFunction.metricDuration(statistic("p99")),
                                eventsFunction.metricDuration(statistic("p99")))));

        dashboard.addWidgets(
                graph(
                        "Update events",
                        List.of(
                                metrics.events(ServiceMetrics.APPLIED, "Sum", PERIOD),
                                metrics.events(ServiceMetrics.ALREADY_APPLIED, "Sum", PERIOD),
                                metrics.events(ServiceMetrics.REJECTED, "Sum", PERIOD),
                                metrics.events(ServiceMetrics.RETRIED, "Sum", PERIOD))),
                graph(
                        "Events queue: age of oldest message (s)",
                        List.of(updateEvents.queue().metricApproximateAgeOfOldestMessage(statistic("Maximum")))),
                graph(
                        "Dead-letter queue depth",
                        List.of(updateEvents
                                .deadLetterQueue()
                                .metricApproximateNumberOfMessagesVisible(statistic("Maximum")))));

        dashboard.addWidgets(AlarmStatusWidget.Builder.create()
                .title("Alarms (docs/operations.md says what each means and what to do)")
                .alarms(alarms(stack))
                .width(3 * WIDTH)
                .build());
    }

    /** Every alarm of the stack, so that a new one shows up here without being listed twice. */
    private static List<IAlarm> alarms(Stack stack) {
        return stack.getNode().findAll().stream()
                .filter(Alarm.class::isInstance)
                .map(construct -> (IAlarm) construct)
                .toList();
    }

    private static IWidget graph(String title, List<? extends IMetric> left) {
        return graph(title, left, List.of());
    }

    private static IWidget graph(String title, List<? extends IMetric> left, List<? extends IMetric> right) {
        return GraphWidget.Builder.create()
                .title(title)
                .left(List.copyOf(left))
                .right(List.copyOf(right))
                .period(PERIOD)
                .width(WIDTH)
                .height(HEIGHT)
                .build();
    }

    private static MetricOptions sum() {
        return statistic("Sum");
    }

    private static MetricOptions statistic(String statistic) {
        return Alarms.statistic(statistic, PERIOD);
    }

    public Dashboard dashboard() {
        return dashboard;
    }
}
