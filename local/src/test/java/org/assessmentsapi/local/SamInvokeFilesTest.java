package org.assessmentsapi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.assessmentsapi.adapter.http.ApiHandler;
import org.assessmentsapi.bootstrap.ApiFunction;
import org.assessmentsapi.bootstrap.AppConfig;
import org.assessmentsapi.bootstrap.DynamoDbClients;
import org.assessmentsapi.devkit.AssessmentsTable;
import org.assessmentsapi.devkit.DevIssuer;
import org.assessmentsapi.devkit.Dynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The files of {@code assessments-local sam} for {@code sam local invoke} (SAM itself cannot run here): the sample
 * events with a fresh token and nothing else changed, an env.json that sets only what the template declares, and an
 * API function configured from that env.json that accepts the events' token against the JWKS the issuer serves.
 */
class SamInvokeFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of(System.getProperty("events.dir"));
    private static final String TABLE = "sam-invoke";

    @TempDir
    static Path out;

    private static SamInvokeFiles files;
    private static Dynalite dynalite;

    @BeforeAll
    static void write() {
        files = SamInvokeFiles.write(EVENTS, out, TABLE);
        dynalite = Dynalite.start();
    }

    @AfterAll
    static void stop() {
        files.close();
        dynalite.close();
    }

    private static SamInvokeFiles.SamEvent event(String name) {
        return files.events().stream()
                .filter(e -> e.file().getFileName().toString().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everySampleEventIsWrittenWithOnlyTheTokenReplaced() throws IOException {
        List<String> samples;
        try (var list = Files.list(EVENTS)) {
            samples = list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .sorted()
                    .toList();
        }
        assertEquals(
                samples,
                files.events().stream()
                        .map(e -> e.file().getFileName().toString())
                        .toList());
        int withToken = 0;
        for (SamInvokeFiles.SamEvent event : files.events()) {
            JsonNode sample =
                    JSON.readTree(EVENTS.resolve(event.file().getFileName()).toFile());
            JsonNode written = JSON.readTree(event.file().toFile());
            if (sample.path("headers").has("authorization")) {
                withToken++;
                assertEquals(
                        "Bearer " + files.token(),
                        written.path("headers").path("authorization").asText());
                ((ObjectNode) written.path("headers"))
                        .put("authorization", "Bearer " + SamInvokeFiles.TOKEN_PLACEHOLDER);
            }
            assertEquals(sample, written, event.file() + " differs from its sample beyond the token");
            assertFalse(
                    Files.readString(event.file()).contains(SamInvokeFiles.TOKEN_PLACEHOLDER),
                    event.file().toString());
        }
        assertTrue(withToken >= 4, "the API events carry a token: " + withToken);
    }

    @Test
    void eachEventIsNamedForTheFunctionThatTakesIt() {
        assertEquals(SamInvokeFiles.API_FUNCTION, event("get-assessment.json").function());
        assertEquals(SamInvokeFiles.API_FUNCTION, event("post-assessment.json").function());
        assertEquals(
                SamInvokeFiles.EVENTS_FUNCTION,
                event("sqs-assessment-update.json").function());
        String instructions = files.instructions(false);
        assertTrue(
                instructions.contains("sam local invoke -t cdk.out/AssessmentsApi.template.json ApiFunction -e "
                        + event("post-assessment.json").file() + " --env-vars " + files.envVars()
                        + " --add-host host.docker.internal:host-gateway"),
                instructions);
        assertTrue(
                instructions.contains("EventsFunction -e "
                        + event("sqs-assessment-update.json").file()),
                instructions);
    }

    @Test
    void envVarsSetOnlyTheVariablesTheTemplateDeclaresAndNameTheIssuerAsTheContainerReachesIt() throws IOException {
        Map<String, Map<String, String>> env = envJson();

        assertEquals(Set.of("ApiFunction", "EventsFunction"), env.keySet());
        assertEquals(
                new TreeSet<>(Set.of("TABLE_NAME", "JWT_ISSUER", "JWT_AUDIENCE")),
                new TreeSet<>(env.get("ApiFunction").keySet()));
        assertEquals(Map.of("TABLE_NAME", TABLE), env.get("EventsFunction"));
        assertEquals(
                "http://host.docker.internal:" + files.issuer().port() + "/",
                env.get("ApiFunction").get("JWT_ISSUER"));
        assertEquals(DevIssuer.DEFAULT_AUDIENCE, env.get("ApiFunction").get("JWT_AUDIENCE"));
    }

    @Test
    void theApiFunctionConfiguredFromEnvJsonAcceptsTheEventsToken() throws IOException {
        Map<String, String> env = new HashMap<>(envJson().get("ApiFunction"));
        // Stand-ins for what only the container has: host.docker.internal does not resolve here, so the function
        // fetches the same JWKS over loopback; the table is dynalite's instead of the dev stack's.
        env.put("JWKS_URL", files.issuer().loopbackJwksUrl().toString());
        env.put("DYNAMODB_ENDPOINT", dynalite.endpoint().toString());
        try (DynamoDbClient dynamoDb = DynamoDbClients.create(AppConfig.fromEnvironment(env), env)) {
            AssessmentsTable.createIfMissing(dynamoDb, TABLE);
        }
        ApiHandler handler = ApiFunction.fromEnvironment(env);

        assertEquals(201, statusOf(handler, "post-assessment.json"));
        // Past authentication: the sample's id is not in the table (401 would mean the token was refused).
        assertEquals(404, statusOf(handler, "get-assessment.json"));
    }

    /** The written event file's bytes, as the runtime hands them to the stream handler; the answer's status. */
    private static int statusOf(ApiHandler handler, String eventFile) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(event(eventFile).file())) {
            handler.handleRequest(in, answer, new LocalContext());
        }
        return JSON.readTree(answer.toByteArray()).get("statusCode").intValue();
    }

    @Test
    void theIssuerAnswersOnAnAddressOtherThan127001() throws Exception {
        // 127.0.0.2 is loopback too on Linux, but a server bound to 127.0.0.1 only does not answer on it.
        HttpResponse<String> jwks = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.2:" + files.issuer().port() + DevIssuer.JWKS_PATH))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals(200, jwks.statusCode());
        assertTrue(jwks.body().contains(files.issuer().signingKey().getKeyID()), jwks.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> envJson() throws IOException {
        return new TreeMap<>(JSON.readValue(files.envVars().toFile(), Map.class));
    }
}
