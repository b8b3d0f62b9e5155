package org.assessmentsapi.contract;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * docs/openapi.yaml, loaded once, with what the contract checks need: the operation of a request, the
 * response object of a status, and JSON-schema validation against any schema of the document. Schemas
 * are validated in place, by JSON pointer into the whole document, so that their {@code $ref}s to
 * {@code #/components/schemas/...} resolve exactly as an OpenAPI tool resolves them.
 */
public final class OpenApiDocument {

    /** A name for the document as a schema resource; never fetched (the .invalid TLD cannot resolve). */
    static final String DOCUMENT_IRI = "https://assessments-api.invalid/openapi.json";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static OpenApiDocument instance;

    private final JsonNode root;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiDocument(JsonNode root) {
        this.root = root;
        String text = root.toString();
        this.registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, text))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build()));
    }

    public static synchronized OpenApiDocument get() {
        if (instance == null) {
            instance = new OpenApiDocument(readYaml(path()));
        }
        return instance;
    }

    public static Path path() {
        return Path.of(System.getProperty("openapi.file", "../docs/openapi.yaml"));
    }

    static JsonNode readYaml(Path file) {
        try {
            return new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public JsonNode root() {
        return root;
    }

    /** The node at a local reference such as {@code #/components/schemas/Assessment}, if there is one. */
    public Optional<JsonNode> at(String localRef) {
        if (!localRef.startsWith("#")) {
            return Optional.empty();
        }
        JsonNode node = root.at(JsonPointer.compile(localRef.substring(1)));
        return node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }

    /** The node at a JSON pointer into the document (a missing node if there is none). */
    public JsonNode node(String pointer) {
        return root.at(JsonPointer.compile(pointer));
    }

    /**
     * Follows {@code $ref}s (the document has only local ones) from the node at {@code pointer}; returns
     * the pointer of the object finally named, which is where its own relative parts must be looked up.
     */
    public String resolve(String pointer) {
        String current = pointer;
        for (int hops = 0; node(current).has("$ref"); hops++) {
            String ref = node(current).get("$ref").asText();
            if (hops > 10 || at(ref).isEmpty()) {
                throw new IllegalStateException("unresolvable $ref " + ref + " at " + current);
            }
            current = ref.substring(1);
        }
        return current;
    }

    /** The operation object, e.g. for ("PUT", "/api/assessments/{id}"). */
    public Optional<JsonNode> operation(String method, String template) {
        JsonNode operation = root.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        return operation.isObject() ? Optional.of(operation) : Optional.empty();
    }

    /**
     * Validates {@code instance} against the schema at {@code pointer} (a JSON pointer into the
     * document, such as {@code /components/schemas/Assessment}); returns the problems, none if valid.
     */
    public List<String> validate(String pointer, JsonNode instance) {
        Schema schema =
                schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + p)));
        return schema.validate(instance).stream().map(Error::toString).toList();
    }

    /** The JSON pointer of a node reached by {@code path} (object keys) from the root. */
    public static String pointer(String... path) {
        StringBuilder pointer = new StringBuilder();
        for (String segment : path) {
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    static JsonNode parseJson(String text) throws IOException {
        return JSON.readTree(text);
    }
}
