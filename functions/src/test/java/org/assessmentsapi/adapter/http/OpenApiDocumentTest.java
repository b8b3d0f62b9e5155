package org.assessmentsapi.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.assessmentsapi.contract.OpenApiDocument;
import org.junit.jupiter.api.Test;

/**
 * Lints docs/openapi.yaml: valid against the official OpenAPI 3.1 schema, every $ref resolves, every
 * operation has a unique operationId, every example fits its schema, and every problem type the code
 * knows is documented (in the document and in README.md's error catalogue).
 */
class OpenApiDocumentTest {

    /**
     * The OpenAPI Initiative's schema for 3.1 documents (Apache-2.0), which also checks each Schema
     * Object against the OAS dialect. It comes from the vertx-openapi jar (test scope), which ships the
     * published files under their web paths; nothing is fetched.
     */
    private static final String OAS_SCHEMA = "https://spec.openapis.org/oas/3.1/schema-base/2022-10-07";

    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private final OpenApiDocument document = OpenApiDocument.get();

    @Test
    void isAValidOpenApi31Document() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaIdResolvers(resolvers ->
                        resolvers.mapPrefix("https://spec.openapis.org/", "classpath:spec.openapis.org/")));
        Schema oas = registry.getSchema(SchemaLocation.of(OAS_SCHEMA));

        List<Error> errors = oas.validate(document.root());

        assertEquals(List.of(), errors.stream().map(Error::toString).toList());
        assertEquals("3.1.0", document.root().get("openapi").asText());
    }

    @Test
    void theOfficialSchemaRejectsABrokenDocument() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaIdResolvers(resolvers ->
                        resolvers.mapPrefix("https://spec.openapis.org/", "classpath:spec.openapis.org/")));
        Schema oas = registry.getSchema(SchemaLocation.of(OAS_SCHEMA));
        String broken =
                "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"x\"},\"paths\":{\"/a\":{\"get\":{\"responses\":{\"200\":{}}}}}}";

        assertFalse(
                oas.validate(broken, InputFormat.JSON).isEmpty(),
                "info.version and the response description are required");
    }

    @Test
    void everyReferenceResolves() {
        List<String> unresolved = new ArrayList<>();
        walk(document.root(), "", (pointer, node) -> {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && document.at(ref.asText()).isEmpty()) {
                unresolved.add(pointer + ": " + ref.asText());
            }
        });
        assertEquals(List.of(), unresolved);
    }

    @Test
    void everyOperationHasAUniqueOperationIdAndDocumentsItsAnswers() {
        Set<String> ids = new HashSet<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path :
                iterable(document.root().get("paths").fields())) {
            for (Map.Entry<String, JsonNode> operation :
                    iterable(path.getValue().fields())) {
                if (!HTTP_METHODS.contains(operation.getKey())) {
                    continue;
                }
                operations++;
                String id = operation.getValue().path("operationId").asText("");
                assertFalse(id.isEmpty(), operation.getKey() + " " + path.getKey() + " has no operationId");
                assertTrue(ids.add(id), "duplicate operationId " + id);
                JsonNode security = operation.getValue().path("security");
                String scopeVariable =
                        operation.getValue().path("x-required-scope").asText("");
                assertTrue(
                        security.size() == 1
                                && security.get(0).path("bearerAuth").size() == 1
                                && Set.of("READ_SCOPE", "WRITE_SCOPE").contains(scopeVariable),
                        id + " states no scope (security with one bearerAuth role, and x-required-scope)");
                assertEquals(
                        operation.getKey().equals("get") || operation.getKey().equals("head"),
                        scopeVariable.equals("READ_SCOPE"),
                        id + ": reads need READ_SCOPE, writes WRITE_SCOPE");
                JsonNode responses = operation.getValue().get("responses");
                for (String status : List.of("400", "401", "403", "500", "503")) {
                    assertTrue(responses.has(status), id + " does not document " + status);
                }
            }
        }
        assertEquals(7, operations);
    }

    @Test
    void everyProblemTypeIsDocumented() throws IOException {
        String description = document.root().get("info").get("description").asText();
        String readme = Files.readString(Path.of(System.getProperty("readme.file", "../README.md")));
        Set<String> documentedStatuses = new TreeSet<>();
        document.root()
                .get("paths")
                .forEach(path -> path.fields().forEachRemaining(operation -> {
                    if (HTTP_METHODS.contains(operation.getKey())) {
                        operation.getValue().get("responses").fieldNames().forEachRemaining(documentedStatuses::add);
                    }
                }));
        for (ProblemType type : ProblemType.values()) {
            String slug = type.uri().substring(type.uri().lastIndexOf(':') + 1);
            assertTrue(description.contains("`" + slug + "`"), slug + " missing from info.description");
            assertTrue(readme.contains(type.uri()), type.uri() + " missing from README.md's error catalogue");
            // Only the local runner answers these, in API Gateway's place or on its own /local/tokens: no operation
            // can.
            if (type != ProblemType.METHOD_NOT_ALLOWED && type != ProblemType.HEADERS_TOO_LARGE) {
                assertTrue(
                        documentedStatuses.contains(String.valueOf(type.status())),
                        type.status() + " is documented nowhere");
            }
        }
    }

    @Test
    void everyExampleFitsItsSchema() {
        List<String> problems = new ArrayList<>();
        int[] checked = {0};
        walk(document.root(), "", (pointer, node) -> {
            if (!node.has("schema") || pointer.startsWith("/components/schemas")) {
                return;
            }
            String schemaPointer = pointer + "/schema";
            if (node.has("example")) {
                checked[0]++;
                document.validate(schemaPointer, node.get("example")).forEach(e -> problems.add(pointer + ": " + e));
            }
            for (Map.Entry<String, JsonNode> example :
                    iterable(node.path("examples").fields())) {
                JsonNode resolved = example.getValue().has("$ref")
                        ? document.at(example.getValue().get("$ref").asText()).orElseThrow()
                        : example.getValue();
                checked[0]++;
                document.validate(schemaPointer, resolved.get("value"))
                        .forEach(e -> problems.add(pointer + "/examples/" + example.getKey() + ": " + e));
            }
        });
        assertEquals(List.of(), problems);
        assertTrue(checked[0] >= 15, "examples checked: " + checked[0]);
    }

    private static void walk(JsonNode node, String pointer, BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(pointer, node);
            node.fields()
                    .forEachRemaining(e -> walk(e.getValue(), pointer + OpenApiDocument.pointer(e.getKey()), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visit);
            }
        }
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }
}
