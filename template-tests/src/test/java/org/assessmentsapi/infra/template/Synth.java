package org.assessmentsapi.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.assessmentsapi.infra.AssessmentsConfig;
import org.assessmentsapi.infra.AssessmentsStack;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesizes the stack the way {@code cdk synth} does: with the feature flags of infra/cdk.json and the asset
 * metadata the CLI turns on, so the template under test is the template that gets deployed. Each test class
 * synthesizes once (in {@code @BeforeAll}); jsii's Node.js process is shared by all classes of the run.
 */
final class Synth {

    /** The production-like context most tests use: issuer and audience given, everything else defaulted. */
    static final Map<String, Object> PRODUCTION = Map.of(
            "jwtIssuer", "https://id.example.com/",
            "jwtAudience", "assessments-api");

    static final Path FUNCTIONS_JAR =
            Path.of(required("assessments.functionsJar")).toAbsolutePath().normalize();

    private Synth() {}

    /** A synthesized stack and where its cloud assembly was written. */
    record Result(AssessmentsStack stack, Template template, Path outdir) {

        /** The single resource of {@code type}; fails when there are none or several. */
        Map.Entry<String, Map<String, Object>> only(String type) {
            Map<String, Map<String, Object>> found = resources(type);
            if (found.size() != 1) {
                throw new AssertionError("expected exactly one " + type + " but found " + found.keySet());
            }
            return found.entrySet().iterator().next();
        }

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> resources(String type) {
            return (Map<String, Map<String, Object>>) (Map<String, ?>) template.findResources(type);
        }

        /** The resource with this logical id; fails when there is none. */
        Map<String, Object> resource(String logicalId) {
            @SuppressWarnings("unchecked")
            Map<String, Object> resource =
                    (Map<String, Object>) ((Map<?, ?>) template.toJSON().get("Resources")).get(logicalId);
            if (resource == null) {
                throw new AssertionError("no resource " + logicalId);
            }
            return resource;
        }

        /** The Properties of the resource with this logical id. */
        @SuppressWarnings("unchecked")
        Map<String, Object> properties(String logicalId) {
            return (Map<String, Object>) resource(logicalId).get("Properties");
        }

        /** The Properties of every route, by route key ({@code GET /api/assessments}). */
        Map<String, Map<?, ?>> routes() {
            Map<String, Map<?, ?>> routes = new TreeMap<>();
            for (Map<String, Object> route :
                    resources("AWS::ApiGatewayV2::Route").values()) {
                Map<?, ?> properties = (Map<?, ?>) route.get("Properties");
                assertNull(routes.put((String) properties.get("RouteKey"), properties), "two routes of one key");
            }
            return routes;
        }

        /**
         * The function's logs go as JSON, at INFO for its own and the runtime's lines, into the log group whose
         * logical id starts with {@code logGroupPrefix}, kept 30 days and retained when the stack is deleted.
         */
        void assertJsonLogsIntoARetainedGroup(Map<String, Object> function, String logGroupPrefix) {
            String logGroupId = logicalId(id -> id.startsWith(logGroupPrefix), "AWS::Logs::LogGroup");
            assertEquals(
                    Map.of(
                            "LogFormat",
                            "JSON",
                            "LogGroup",
                            Map.of("Ref", logGroupId),
                            "ApplicationLogLevel",
                            "INFO",
                            "SystemLogLevel",
                            "INFO"),
                    function.get("LoggingConfig"));
            Map<String, Object> logGroup = resource(logGroupId);
            assertEquals(Map.of("RetentionInDays", 30), logGroup.get("Properties"));
            assertEquals("Retain", logGroup.get("DeletionPolicy"));
        }

        String logicalId(Predicate<String> idFilter, String type) {
            List<String> ids =
                    resources(type).keySet().stream().filter(idFilter).toList();
            if (ids.size() != 1) {
                throw new AssertionError("expected one " + type + " matching the filter, found " + ids);
            }
            return ids.get(0);
        }
    }

    /** {@code context} with {@code changes} applied. */
    static Map<String, Object> with(Map<String, Object> context, Map<String, Object> changes) {
        Map<String, Object> changed = new HashMap<>(context);
        changed.putAll(changes);
        return changed;
    }

    static Result production() {
        return synth("production", PRODUCTION, false);
    }

    /**
     * @param name     a folder name for the cloud assembly, under target/synth
     * @param context  context values as {@code -c key=value} would give them
     * @param withNag  apply the AwsSolutions checks before synthesizing
     */
    static Result synth(String name, Map<String, Object> context, boolean withNag) {
        Map<String, Object> appContext = new HashMap<>(cdkJsonContext());
        appContext.put("aws:cdk:enable-asset-metadata", true);
        appContext.put("aws:cdk:enable-path-metadata", true);
        appContext.putAll(context);
        appContext.putIfAbsent("functionsJar", FUNCTIONS_JAR.toString());

        Path outdir = Path.of(required("assessments.synthDir"), name);
        App app = new App(
                AppProps.builder().context(appContext).outdir(outdir.toString()).build());
        // The same entry point the app uses, so context handling is under test too.
        AssessmentsConfig config = AssessmentsConfig.fromContext(app.getNode()::tryGetContext, Path.of(""));
        AssessmentsStack stack = new AssessmentsStack(
                app, config.stackName(), StackProps.builder().build(), config);
        if (withNag) {
            Aspects.of(app).add(new AwsSolutionsChecks());
        }
        try {
            return new Result(stack, Template.fromStack(stack), outdir);
        } catch (RuntimeException e) {
            // With @aws-cdk/core:annotationsInValidationReport (cdk.json), an error annotation fails the synth and
            // the findings are only in validation-report.json: put them into the failure.
            Path report = outdir.resolve("validation-report.json");
            if (String.valueOf(e.getMessage()).contains("Validation failed") && Files.isRegularFile(report)) {
                throw new AssertionError("synth failed validation:\n" + violations(report), e);
            }
            throw e;
        }
    }

    /** One line per violation: its description and the construct paths it names. */
    private static String violations(Path report) {
        try {
            StringBuilder lines = new StringBuilder();
            JsonNode root = new ObjectMapper().readTree(report.toFile());
            for (JsonNode plugin : root.path("pluginReports")) {
                for (JsonNode violation : plugin.path("violations")) {
                    lines.append(" - ")
                            .append(violation.path("description").asText().trim());
                    for (JsonNode construct : violation.path("violatingConstructs")) {
                        lines.append(" [")
                                .append(construct.path("constructPath").asText())
                                .append(']');
                    }
                    lines.append('\n');
                }
            }
            return lines.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + report, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cdkJsonContext() {
        Path cdkJson = Path.of(required("assessments.cdkJson"));
        try {
            Map<String, Object> json = new ObjectMapper().readValue(Files.readAllBytes(cdkJson), Map.class);
            return (Map<String, Object>) json.get("context");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + cdkJson, e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run these tests with Maven");
        }
        return value;
    }
}
