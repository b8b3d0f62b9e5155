package org.assessmentsapi.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

/**
 * Builds every CloudWatch alarm of the stack, so that all of them judge alike: a single evaluation period decides,
 * and a period without data is healthy, because Lambda, API Gateway and SQS publish no data points while nothing
 * happens (an idle function, an API without requests, an empty queue). No alarm has an action (docs/deploy.md):
 * whoever deploys the stack subscribes a topic of their own.
 */
final class Alarms {

    private Alarms() {}

    /** One statistic of a metric over one period, e.g. {@code statistic("Sum", Duration.minutes(5))}. */
    static MetricOptions statistic(String statistic, Duration period) {
        return MetricOptions.builder().statistic(statistic).period(period).build();
    }

    /**
     * @param scope       together with {@code id}, fixes the alarm's logical id
     * @param metric      with the statistic and period the alarm evaluates (see {@link #statistic})
     * @param comparison  how the metric compares with {@code threshold} when the alarm fires
     * @param description what has gone wrong, for whoever sees the alarm in the console
     */
    static Alarm alarm(
            Construct scope,
            String id,
            IMetric metric,
            ComparisonOperator comparison,
            double threshold,
            String description) {
        return Alarm.Builder.create(scope, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(1)
                .comparisonOperator(comparison)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }
}
