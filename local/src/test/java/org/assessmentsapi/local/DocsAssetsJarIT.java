package org.assessmentsapi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Where the documentation UI is: inside the local runner's jar (so {@code /docs} works offline, no CDN), and
 * nowhere in the deployable functions jar (Lambda never serves it).
 */
class DocsAssetsJarIT {

    private static final Path LOCAL_JAR = Path.of(System.getProperty("local.jar"));
    private static final Path FUNCTIONS_JAR = Path.of(System.getProperty("functions.jar"));

    @Test
    void theLocalJarHoldsThePinnedSwaggerUiAndTheContract() throws IOException {
        String webjar = "META-INF/resources/webjars/swagger-ui/" + DocsPages.SWAGGER_UI_VERSION + "/";
        try (JarFile jar = new JarFile(LOCAL_JAR.toFile())) {
            for (String entry : List.of(
                    webjar + "swagger-ui-bundle.js",
                    webjar + "swagger-ui.css",
                    webjar + "favicon-32x32.png",
                    "org/assessmentsapi/local/docs/index.html",
                    "org/assessmentsapi/local/docs/docs.js",
                    "org/assessmentsapi/local/docs/openapi.yaml")) {
                assertTrue(jar.getEntry(entry) != null, "missing in " + LOCAL_JAR + ": " + entry);
            }
            // Only what the page loads: not the standalone preset, the ES bundles or the demo index.
            List<String> unused = jar.stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.startsWith(webjar) && !name.endsWith("/"))
                    .filter(name -> !name.matches(
                            ".*/(swagger-ui-bundle\\.js(\\.LICENSE\\.txt)?|swagger-ui\\.css" + "|favicon-32x32\\.png)"))
                    .toList();
            assertEquals(List.of(), unused);
        }
    }

    @Test
    void theDeployableFunctionsJarHoldsNoDocumentationUi() throws IOException {
        assertTrue(Files.isRegularFile(FUNCTIONS_JAR), FUNCTIONS_JAR + " (package the functions module first)");
        try (JarFile jar = new JarFile(FUNCTIONS_JAR.toFile())) {
            List<String> ui = jar.stream()
                    .map(JarEntry::getName)
                    .filter(name -> {
                        String lower = name.toLowerCase(Locale.ROOT);
                        return lower.contains("swagger")
                                || lower.contains("webjars")
                                || lower.contains("openapi.yaml")
                                || lower.endsWith(".html")
                                || lower.endsWith(".css")
                                || lower.endsWith(".js")
                                || lower.contains("docspages");
                    })
                    .toList();
            assertEquals(List.of(), ui, "documentation UI in " + FUNCTIONS_JAR);
            assertTrue(jar.getEntry("org/assessmentsapi/adapter/http/ApiHandler.class") != null, "the right jar");
        }
    }
}
