package org.assessmentsapi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assessmentsapi.devkit.FirstUseInstalls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code /docs} page in a real browser: Debian's headless Chromium, driven by the pinned playwright-core
 * ({@code local/browser-test/docs-page.mjs}), against a local runner with dynalite and the development issuer. The
 * page is used as a person would ("Try it out", "Execute") and the test asserts on what it showed on screen.
 */
class DocsPageBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path BROWSER_TEST = Path.of(System.getProperty("browser.test.dir"));
    private static final Path SCREENSHOT = Path.of(System.getProperty("screenshot.file"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalApi api;

    @BeforeAll
    static void start() {
        // Installed on first use; what cannot be installed fails the test (never skips it), naming the command.
        FirstUseInstalls.debianPackage(CHROMIUM, "chromium");
        FirstUseInstalls.npmPackage(BROWSER_TEST);
        api = LocalApi.start(LocalOptions.ephemeral(Map.of()));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void anUpdateFromThePageAnswers200ThenTheStaleVersionAnswers409OnScreen() throws Exception {
        String id = new Http(api.baseUri()).create(api.mintToken(LocalApi.DEV_USER));
        Files.deleteIfExists(SCREENSHOT);

        JsonNode report = runPage(
                List.of(), SCREENSHOT, id, "{\"progress\":40,\"version\":1}", "{\"progress\":50,\"version\":1}");

        assertEquals(tokenSchemes(contract()), preauthorized(report), "pre-authorized");
        assertUpdatedThenConflict(report, id);
        assertTrue(Files.size(SCREENSHOT) > 10_000, "screenshot at " + SCREENSHOT);
    }

    /**
     * The page's script reads the schemes from the document: a renamed scheme, here an OAuth 2.0 one with scopes
     * (what an identity provider's document may declare), is pre-authorized as well. The browser gets this
     * document instead of the runner's; the API still answers.
     */
    @Test
    void aRenamedOAuth2SchemeIsPreAuthorizedToo() throws Exception {
        ObjectNode document = (ObjectNode) contract();
        String renamed = JSON.writeValueAsString(document);
        for (String name : tokenSchemes(document)) {
            renamed = renamed.replace("\"" + name + "\"", "\"providerOAuth\"");
        }
        ObjectNode changed = (ObjectNode) JSON.readTree(renamed);
        ((ObjectNode) changed.path("components").path("securitySchemes"))
                .set(
                        "providerOAuth",
                        JSON.readTree(
                                "{\"type\":\"oauth2\",\"flows\":{\"clientCredentials\":{"
                                        + "\"tokenUrl\":\"http://127.0.0.1:1/token\",\"scopes\":{\"write:assessments\":\"Change\"}}}}"));
        changed.set("security", JSON.readTree("[{\"providerOAuth\":[\"write:assessments\"]}]"));
        Path file = SCREENSHOT.resolveSibling("docs-page-oauth2-openapi.json");
        Files.writeString(file, JSON.writeValueAsString(changed));
        String id = new Http(api.baseUri()).create(api.mintToken(LocalApi.DEV_USER));

        JsonNode report = runPage(
                List.of("--document=" + file),
                SCREENSHOT.resolveSibling("docs-page-oauth2.png"),
                id,
                "{\"progress\":40,\"version\":1}",
                "{\"progress\":50,\"version\":1}");

        assertEquals(List.of("providerOAuth"), preauthorized(report), "pre-authorized");
        assertUpdatedThenConflict(report, id);
    }

    /** What the page showed: 200 with version 2, then 409 with currentVersion 2; nothing else went wrong. */
    private static void assertUpdatedThenConflict(JsonNode report, String id) throws Exception {
        assertEquals(200, report.path("pageStatus").asInt(), report.toPrettyString());
        assertTrue(report.path("authorizeButton").asText().contains("locked"), report.toPrettyString());
        assertEquals("", report.path("ifMatchPrefilled").asText("missing"), "If-Match must not be pre-filled");

        JsonNode updated = report.path("executions").path(0);
        assertEquals(200, updated.path("status").asInt(), updated.toPrettyString());
        // The runner is on a free port, not the document's 3000: the page sends its requests where it came from.
        assertEquals(
                api.baseUri() + "/api/assessments/" + id,
                updated.path("requestUrl").asText(),
                updated.toPrettyString());
        JsonNode shown = JSON.readTree(updated.path("body").asText());
        assertEquals(id, shown.path("id").asText());
        assertEquals(2, shown.path("version").asInt());
        assertEquals(40, shown.path("progress").asInt());
        assertEquals(LocalApi.DEV_USER, shown.path("userId").asText());

        JsonNode stale = report.path("executions").path(1);
        assertEquals(409, stale.path("status").asInt(), stale.toPrettyString());
        JsonNode problem = JSON.readTree(stale.path("body").asText());
        assertEquals(
                "urn:assessments-api:problem:version-conflict",
                problem.path("type").asText());
        assertEquals(2, problem.path("currentVersion").asInt());

        assertEquals(List.of(), strings(report.path("cspViolations")), "Content-Security-Policy violations");
        // The browser logs each non-2xx answer it fetched; nothing else may go wrong on the page.
        List<String> errors = strings(report.path("consoleErrors"));
        errors.removeIf(line -> line.contains("status of 409"));
        assertEquals(List.of(), errors, "console errors");
    }

    /** Runs the browser script; its last stdout line is its report. */
    private static JsonNode runPage(List<String> options, Path screenshot, String id, String... bodies)
            throws Exception {
        List<String> command = new ArrayList<>(
                List.of("node", BROWSER_TEST.resolve("docs-page.mjs").toString()));
        command.addAll(options);
        command.addAll(List.of(api.baseUri().toString(), id, screenshot.toString()));
        command.addAll(List.of(bodies));
        Processes.Result run = Processes.run(command, Map.of());
        String[] lines = run.output().split("\n");
        String last = lines[lines.length - 1];
        if (run.exit() != 0 || !last.startsWith("{")) {
            fail("the browser script failed (exit " + run.exit() + "):\n" + run.output());
        }
        return JSON.readTree(last);
    }

    private static JsonNode contract() throws Exception {
        return new YAMLMapper()
                .readTree(Path.of(System.getProperty("openapi.file")).toFile());
    }

    private static List<String> preauthorized(JsonNode report) {
        return List.of(report.path("preauthorized").asText().split(" "));
    }

    /** The document's schemes that a bearer access token satisfies: what the page's script must pre-authorize. */
    private static List<String> tokenSchemes(JsonNode document) {
        List<String> names = new ArrayList<>();
        document.path("components").path("securitySchemes").properties().forEach(scheme -> {
            String type = scheme.getValue().path("type").asText();
            if ((type.equals("http")
                            && scheme.getValue().path("scheme").asText().equalsIgnoreCase("bearer"))
                    || type.equals("oauth2")
                    || type.equals("openIdConnect")) {
                names.add(scheme.getKey());
            }
        });
        assertTrue(!names.isEmpty(), "the document declares a scheme for bearer tokens");
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
