package org.assessmentsapi.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app that {@code cdk.json} runs from {@code infra/}. Environment-agnostic on purpose: {@code cdk synth}
 * needs no credentials, and {@code cdk deploy} takes account and region from the caller's profile.
 */
public final class AssessmentsApp {

    private AssessmentsApp() {}

    public static void main(String[] args) {
        App app = new App();
        AssessmentsConfig config;
        try {
            config = AssessmentsConfig.fromContext(app.getNode()::tryGetContext, Path.of(""));
        } catch (IllegalArgumentException e) {
            // A plain message, not a stack trace: this is the user's input, not a bug.
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        new AssessmentsStack(
                app,
                config.stackName(),
                StackProps.builder()
                        .description("Assessments API: HTTP API, Lambda (SnapStart) and DynamoDB")
                        .build(),
                config);
        // Findings that are not suppressed with a reason in the stack fail the synth.
        Aspects.of(app)
                .add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        app.synth();
    }
}
