package org.assessmentsapi.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.assessmentsapi.devkit.DevIssuer;

/**
 * {@code java -jar local/target/assessments-local.jar sam [events-dir] [out-dir]}: what {@code sam local invoke}
 * needs to get past authentication (docs/deploy.md, "Local invocation with SAM"). It starts the development issuer
 * on every interface, named {@code http://host.docker.internal:PORT/} (how the SAM container reaches this machine),
 * and writes into out-dir (default {@code target/sam}) a copy of every sample event of events-dir (default
 * {@code events}) with a fresh token in place of {@value #TOKEN_PLACEHOLDER}, and {@code env.json} for
 * {@code --env-vars}. It serves the JWKS until stopped.
 *
 * <p>Invariant: {@code env.json} sets only variables the synthesized template declares for each function (SAM
 * ignores the others): {@code TABLE_NAME}, {@code JWT_ISSUER}, {@code JWT_AUDIENCE} for {@value #API_FUNCTION},
 * {@code TABLE_NAME} for {@value #EVENTS_FUNCTION} (pinned by template-tests). So there is no {@code JWKS_URL}: the
 * function finds the JWKS through this issuer's OpenID discovery document, which names it as the container reaches
 * it; and no
 * {@code DYNAMODB_ENDPOINT}: the container uses the table named by {@code TABLE_NAME} with your AWS credentials.
 */
public final class SamInvokeFiles implements AutoCloseable {

    static final String TOKEN_PLACEHOLDER = "REPLACE_WITH_A_TOKEN";
    static final String CONTAINER_HOST = "host.docker.internal";
    static final String TABLE_PLACEHOLDER = "REPLACE_WITH_THE_TableName_OUTPUT_OF_YOUR_DEV_STACK";
    /** The functions' logical ids in the synthesized template (fixed in infra's AssessmentsStack). */
    static final String API_FUNCTION = "ApiFunction";

    static final String EVENTS_FUNCTION = "EventsFunction";

    /** A written event and the function it is for ({@code null}: none directly, e.g. the bare EventBridge event). */
    record SamEvent(Path file, String function) {}

    private final DevIssuer issuer;
    private final String token;
    private final List<SamEvent> events;
    private final Path envVars;

    private SamInvokeFiles(DevIssuer issuer, String token, List<SamEvent> events, Path envVars) {
        this.issuer = issuer;
        this.token = token;
        this.events = events;
        this.envVars = envVars;
    }

    public static void main(String[] args) {
        Path eventsDir = Path.of(args.length > 0 ? args[0] : "events");
        Path outDir = Path.of(args.length > 1 ? args[1] : "target/sam");
        String table = System.getenv("TABLE_NAME");
        SamInvokeFiles files;
        try {
            files = write(eventsDir, outDir, table == null || table.isBlank() ? TABLE_PLACEHOLDER : table);
        } catch (RuntimeException e) {
            System.err.println("assessments-local sam: " + LocalApi.oneLine(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(files::close, "sam-issuer-shutdown"));
        System.out.println(files.instructions(table == null || table.isBlank()));
    }

    /** Starts the issuer and writes the files; the issuer runs until {@link #close()}. */
    static SamInvokeFiles write(Path eventsDir, Path outDir, String tableName) {
        DevIssuer issuer = DevIssuer.startReachableAs(CONTAINER_HOST);
        try {
            String token = issuer.token(LocalApi.DEV_USER);
            Path eventsOut = Files.createDirectories(outDir.resolve("events"));
            List<SamEvent> written = new ArrayList<>();
            try (Stream<Path> files = Files.list(eventsDir)) {
                for (Path event : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                        .sorted()
                        .toList()) {
                    String text = Files.readString(event, StandardCharsets.UTF_8);
                    Path copy = eventsOut.resolve(event.getFileName());
                    Files.writeString(copy, text.replace(TOKEN_PLACEHOLDER, token), StandardCharsets.UTF_8);
                    written.add(new SamEvent(copy.toAbsolutePath(), functionFor(text)));
                }
            }
            if (written.isEmpty()) {
                throw new IllegalArgumentException("no *.json event in " + eventsDir.toAbsolutePath());
            }
            Map<String, Object> env = new LinkedHashMap<>();
            env.put(
                    API_FUNCTION,
                    new TreeMap<>(Map.of(
                            "TABLE_NAME",
                            tableName,
                            "JWT_ISSUER",
                            issuer.issuer(),
                            "JWT_AUDIENCE",
                            issuer.audience())));
            env.put(EVENTS_FUNCTION, Map.of("TABLE_NAME", tableName));
            Path envVars = outDir.resolve("env.json").toAbsolutePath();
            Files.writeString(
                    envVars,
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(env),
                    StandardCharsets.UTF_8);
            return new SamInvokeFiles(issuer, token, List.copyOf(written), envVars);
        } catch (IOException e) {
            issuer.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            issuer.close();
            throw e;
        }
    }

    /** API Gateway v2 events go to the API function, SQS events to the events function. */
    private static String functionFor(String event) {
        if (event.contains("\"routeKey\"")) {
            return API_FUNCTION;
        }
        return event.contains("\"aws:sqs\"") ? EVENTS_FUNCTION : null;
    }

    DevIssuer issuer() {
        return issuer;
    }

    String token() {
        return token;
    }

    List<SamEvent> events() {
        return events;
    }

    Path envVars() {
        return envVars;
    }

    /** What to run, with the paths written (absolute, so the commands work from infra/). */
    String instructions(boolean tablePlaceholder) {
        StringBuilder text = new StringBuilder()
                .append("Files for sam local invoke, with a development token for '")
                .append(LocalApi.DEV_USER)
                .append("' (valid 1 hour):\n")
                .append("  events:   ")
                .append(events.get(0).file().getParent())
                .append("/*.json\n")
                .append("  env vars: ")
                .append(envVars)
                .append('\n')
                .append("  issuer:   ")
                .append(issuer.issuer())
                .append(" (its JWKS is served from here, port ")
                .append(issuer.port())
                .append(", on every interface)\n");
        if (tablePlaceholder) {
            text.append(
                    "  TABLE_NAME was not set: put your dev stack's TableName output into env.json, or run this again"
                            + " with TABLE_NAME=...\n");
        }
        text.append("\nFrom infra/, after `npx aws-cdk synth -c dev=true` (Linux needs the --add-host; Docker Desktop"
                + " has host.docker.internal already):\n\n");
        for (SamEvent event : events) {
            if (event.function() != null) {
                text.append("  sam local invoke -t cdk.out/AssessmentsApi.template.json ")
                        .append(event.function())
                        .append(" -e ")
                        .append(event.file())
                        .append(" --env-vars ")
                        .append(envVars)
                        .append(" --add-host ")
                        .append(CONTAINER_HOST)
                        .append(":host-gateway\n");
            }
        }
        return text.append("\nPress Ctrl-C to stop (the function fetches the JWKS from here at each cold start).")
                .toString();
    }

    @Override
    public void close() {
        issuer.close();
    }
}
