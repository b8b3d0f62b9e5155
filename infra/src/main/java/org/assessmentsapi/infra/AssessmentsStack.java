package org.assessmentsapi.infra;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;

/**
 * The assessments API on AWS, in three parts that each own their resources, alarms and outputs:
 * {@link AssessmentsTable}, {@link AssessmentsHttpApi} (with the API function) and {@link UpdateEventsPipeline}
 * (rule, queues and the events function), and the {@link OperationsDashboard} that shows them. Each function is a {@link SnapStartFunction}, each alarm comes from
 * {@link Alarms}, and everything that varies between deployments comes from {@link AssessmentsConfig}.
 *
 * <p>The parts are plain classes that create their resources in this stack's scope, not constructs of their own.
 * CDK derives a resource's logical id from its construct path, and CloudFormation replaces a resource whose logical
 * id changes: if a part were a construct, it would add a segment to the path of everything in it and so rename every
 * resource of a deployed stack (a replaced table starts empty). So the construct ids used in the parts are
 * stack-wide, must stay unique and must not change; LogicalIdsTemplateTest (template-tests) pins the logical ids.
 */
public final class AssessmentsStack extends Stack {

    // The names the template promises to callers outside the code (sam local invoke, docs): one place for them.
    // Handlers are named by class alone: the runtime then calls them through RequestStreamHandler, where
    // "Class::handleRequest" makes it call through reflection, whose first call spins 9 method-handle classes
    // after every SnapStart restore (docs/benchmarks.md, "After SnapStart priming").
    public static final String API_HANDLER = "org.assessmentsapi.adapter.http.ApiHandler";
    /** The logical id of the API function in the template, e.g. for {@code sam local invoke ApiFunction}. */
    public static final String API_FUNCTION_ID = "ApiFunction";

    public static final String EVENTS_HANDLER = "org.assessmentsapi.adapter.events.AssessmentEventsHandler";
    /** The logical id of the events function, e.g. for {@code sam local invoke EventsFunction}. */
    public static final String EVENTS_FUNCTION_ID = "EventsFunction";

    private final AssessmentsTable table;
    private final AssessmentsHttpApi api;
    private final UpdateEventsPipeline updateEvents;
    private final OperationsDashboard dashboard;

    public AssessmentsStack(Construct scope, String id, StackProps props, AssessmentsConfig config) {
        super(scope, id, props);
        table = new AssessmentsTable(this, config);
        // One asset for all handlers: they ship in the same shaded jar.
        Code functionsCode = Code.fromAsset(config.functionsJar().toString());
        api = new AssessmentsHttpApi(this, config, functionsCode, table);
        updateEvents = new UpdateEventsPipeline(this, config, functionsCode, table);
        // Last: it shows the other parts' metrics and every alarm of the stack.
        dashboard = new OperationsDashboard(this, config, api, updateEvents);
    }

    public AssessmentsTable table() {
        return table;
    }

    public AssessmentsHttpApi api() {
        return api;
    }

    public UpdateEventsPipeline updateEvents() {
        return updateEvents;
    }

    public OperationsDashboard dashboard() {
        return dashboard;
    }
}
