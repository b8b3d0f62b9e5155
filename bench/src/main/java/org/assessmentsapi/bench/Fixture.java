package org.assessmentsapi.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assessmentsapi.adapter.auth.JwksSources;
import org.assessmentsapi.adapter.http.ApiHandler;
import org.assessmentsapi.bootstrap.AppConfig;
import org.assessmentsapi.bootstrap.Wiring;
import org.assessmentsapi.devkit.AssessmentsTable;
import org.assessmentsapi.devkit.DevIssuer;
import org.assessmentsapi.devkit.Dynalite;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What every part of the benchmark runs against: one in-memory dynalite on loopback, one development issuer
 * serving its JWKS on loopback, the table, and a real RS256 token for {@link #USER}. Items are created
 * through the handler's own POST route, so they have exactly the stored shape of real assessments.
 */
final class Fixture implements AutoCloseable {

    static final String TABLE = "assessments";
    static final String USER = "bench-user";
    static final String SAMPLE_ID = "3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f7a8b9c";
    /** Base64 of 32 bytes: what the stack's {@code CursorKey} secret is to the API function. */
    static final String CURSOR_KEY = java.util.Base64.getEncoder()
            .encodeToString("bench cursor key of 32 bytes!!!!".getBytes(StandardCharsets.US_ASCII));
    /** The stack's {@code JAVA_TOOL_OPTIONS} (infra's {@code SnapStartFunction.JAVA_TOOL_OPTIONS}). */
    static final String STACK_JAVA_TOOL_OPTIONS = "--enable-native-access=ALL-UNNAMED";
    /**
     * What Lambda's java25 runtime adds when SnapStart is not on (with SnapStart it keeps the JVM's default tiered
     * compilation): a JVM started without SnapStart, as on Lambda, runs C1 only.
     */
    static final String ON_DEMAND_COMPILER = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    /** The effective options of a function started without SnapStart (cold starts, the C1 runs of the in-process parts). */
    static final String ON_DEMAND_JAVA_TOOL_OPTIONS = ON_DEMAND_COMPILER + " " + STACK_JAVA_TOOL_OPTIONS;
    /** The JIT setting of an in-process part's JVM: {@code tiered} (SnapStart's) or {@code c1} (without SnapStart). */
    static final String JIT_PROPERTY = "bench.jit.mode";

    /** The {@code JAVA_TOOL_OPTIONS} of a JIT setting. */
    static String javaToolOptions(String jit) {
        return switch (jit) {
            case "tiered" -> STACK_JAVA_TOOL_OPTIONS;
            case "c1" -> ON_DEMAND_JAVA_TOOL_OPTIONS;
            default -> throw new IllegalArgumentException("bench.jit: tiered or c1, not " + jit);
        };
    }

    /** Whether this in-process part runs with tiered compilation (C2 after its warm-up), as under SnapStart. */
    static boolean tiered() {
        return "tiered".equals(System.getProperty(JIT_PROPERTY));
    }

    /** This JVM's JIT setting, for a report's heading. */
    static String jitLabel() {
        return (tiered()
                        ? "tiered compilation, C2 after the warm-up (Lambda with SnapStart)"
                        : "C1 only (Lambda without SnapStart)")
                + "; JAVA_TOOL_OPTIONS=\"" + System.getenv("JAVA_TOOL_OPTIONS") + "\"";
    }

    final Dynalite dynalite;
    final DevIssuer issuer;
    final DynamoDbClient setupClient;
    final String token;
    private final ApiHandler setupHandler;

    private Fixture() {
        dynalite = Dynalite.start();
        issuer = DevIssuer.start();
        setupClient = AssessmentsTable.localClient(dynalite.endpoint());
        AssessmentsTable.createIfMissing(setupClient, TABLE);
        token = issuer.token(USER, java.time.Duration.ofHours(2));
        AppConfig config = AppConfig.fromEnvironment(appEnv());
        setupHandler = handler(config, setupClient);
    }

    /** The API's handler as the functions wire it, on {@code client}, with the keys of the issuer's JWKS. */
    static ApiHandler handler(AppConfig config, DynamoDbClient client) {
        return Wiring.api(
                config,
                client,
                JwksSources.remote(config.jwt().orElseThrow().jwksOverride().orElseThrow()),
                Clock.systemUTC());
    }

    static Fixture start() {
        return new Fixture();
    }

    /** The function's configuration, as the stack sets it (minus credentials: dynalite takes any). */
    Map<String, String> appEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TABLE_NAME", TABLE);
        env.put("DYNAMODB_ENDPOINT", dynalite.endpoint().toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("JWT_ISSUER", issuer.issuer());
        env.put("JWT_AUDIENCE", issuer.audience());
        env.put("JWKS_URL", issuer.jwksUrl().toString());
        // Required on Lambda (the runtime client's environment says it is Lambda): the stack's generated secret.
        env.put("CURSOR_KEY", CURSOR_KEY);
        return env;
    }

    /** What the Lambda runtime gives a function: its variables, credentials as variables, the stack's JVM options. */
    Map<String, String> lambdaEnv() {
        Map<String, String> env = appEnv();
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_SESSION_TOKEN", "local");
        env.put("JAVA_TOOL_OPTIONS", ON_DEMAND_JAVA_TOOL_OPTIONS);
        return env;
    }

    /** A new assessment of {@link #USER}, created with the sample POST event; returns its id. */
    String newItem() {
        JsonNode response;
        try {
            response = new ObjectMapper().readTree(invoke(setupHandler, event("post-assessment.json", null)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (response.get("statusCode").asInt() != 201) {
            throw new IllegalStateException("POST failed: " + response);
        }
        String location = response.at("/headers/Location").asText();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The stored version of an assessment (a consistent read). */
    long version(String id) {
        return Long.parseLong(setupClient
                .getItem(b -> b.tableName(TABLE)
                        .key(Map.of("id", AttributeValue.fromS(id)))
                        .consistentRead(true))
                .item()
                .get("version")
                .n());
    }

    /** A sample event from {@code events/}, with the bench token and (for item routes, or the assessment of an update event) the given id. */
    String eventJson(String file, String id) {
        return eventJson(file, id, token);
    }

    static String eventJson(String file, String id, String bearerToken) {
        try {
            String json = Files.readString(eventsDir().resolve(file), StandardCharsets.UTF_8)
                    .replace("REPLACE_WITH_A_TOKEN", bearerToken);
            return id == null ? json : json.replace(SAMPLE_ID, id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same as the bytes the Lambda runtime hands to a stream handler. */
    byte[] event(String file, String id) {
        return event(file, id, token);
    }

    static byte[] event(String file, String id, String bearerToken) {
        return eventJson(file, id, bearerToken).getBytes(StandardCharsets.UTF_8);
    }

    /** Invokes a stream handler as the runtime does (no Context); its response JSON. */
    static byte[] invoke(RequestStreamHandler handler, byte[] event) {
        ByteArrayOutputStream response = new ByteArrayOutputStream(1024);
        try {
            handler.handleRequest(new ByteArrayInputStream(event), response, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response.toByteArray();
    }

    /** The same, answering the response's {@code statusCode} (the API handler writes it first: no JSON parsing in timed loops). */
    static int status(RequestStreamHandler handler, byte[] event) {
        String response = new String(invoke(handler, event), StandardCharsets.UTF_8);
        String field = "{\"statusCode\":";
        if (!response.startsWith(field)) {
            throw new IllegalStateException("not an API Gateway v2 response: " + response);
        }
        return Integer.parseInt(response.substring(field.length(), field.length() + 3));
    }

    Path writeEvent(String file, String id) {
        try {
            Path dir = Files.createDirectories(Paths.results().resolve("events"));
            Path out = dir.resolve((id == null ? "event" : id) + "-" + file);
            Files.writeString(out, eventJson(file, id), StandardCharsets.UTF_8);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path eventsDir() {
        String configured = System.getProperty("events.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        return Paths.repositoryRoot().resolve("events");
    }

    @Override
    public void close() {
        issuer.close();
        dynalite.close();
    }
}
