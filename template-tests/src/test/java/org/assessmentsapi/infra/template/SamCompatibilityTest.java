package org.assessmentsapi.infra.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assessmentsapi.infra.AssessmentsStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code sam local invoke -t cdk.out/<stack>.template.json <FunctionId>} needs: asset metadata that leads to
 * the code, and handlers that exist in it.
 */
class SamCompatibilityTest {

    private static Synth.Result synth;
    private static Map<String, Map<String, Object>> functions;

    @BeforeAll
    static void synthesize() {
        synth = Synth.production();
        functions = synth.resources("AWS::Lambda::Function");
        assertFalse(functions.isEmpty());
    }

    @Test
    void theApiAndTheEventsFunctionUnderTheirDocumentedIdsAndHandlers() {
        // The ids that docs/deploy.md and docs/events.md give to `sam local invoke`.
        assertEquals(
                Map.of(
                        AssessmentsStack.API_FUNCTION_ID, "org.assessmentsapi.adapter.http.ApiHandler",
                        AssessmentsStack.EVENTS_FUNCTION_ID,
                                "org.assessmentsapi.adapter.events.AssessmentEventsHandler"),
                functions.entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey,
                                f -> ((Map<?, ?>) f.getValue().get("Properties")).get("Handler"))));
    }

    @Test
    void bothHandlersAreStreamHandlersAndTheJarHoldsNoEventClasses() throws Exception {
        // The runtime hands a stream handler the raw event JSON (API Gateway v2, or SQS for the event source mapping
        // with ReportBatchItemFailures) and sends back what it writes: no POJO serializer, so no joda-time to load.
        try (LambdaRuntimeClassLoader loader = new LambdaRuntimeClassLoader(Synth.FUNCTIONS_JAR)) {
            Class<?> streamHandler =
                    Class.forName("com.amazonaws.services.lambda.runtime.RequestStreamHandler", false, loader);
            Class<?> context = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, loader);
            for (String name : List.of(
                    "org.assessmentsapi.adapter.http.ApiHandler",
                    "org.assessmentsapi.adapter.events.AssessmentEventsHandler")) {
                Class<?> type = Class.forName(name, false, loader);
                assertTrue(streamHandler.isAssignableFrom(type), name + " must be a RequestStreamHandler");
                assertEquals(
                        void.class,
                        type.getMethod("handleRequest", InputStream.class, OutputStream.class, context)
                                .getReturnType());
            }
            assertNull(loader.findResource("com/amazonaws/services/lambda/runtime/events/SQSEvent.class"));
            assertNull(loader.findResource("org/joda/time/DateTime.class"));
        }
    }

    @Test
    void everyFunctionCarriesTheAssetMetadataSamReads() throws IOException {
        for (var function : functions.entrySet()) {
            Map<?, ?> metadata = (Map<?, ?>) function.getValue().get("Metadata");
            assertNotNull(metadata, function.getKey() + " has no Metadata");
            assertEquals("Code", metadata.get("aws:asset:property"), function.getKey());
            Object assetPath = metadata.get("aws:asset:path");
            assertTrue(assetPath instanceof String, function.getKey() + " has no aws:asset:path");
            // SAM resolves the path against the template's folder (cdk.out): it must be the functions jar, unchanged.
            Path asset = synth.outdir().resolve((String) assetPath);
            assertTrue(Files.isRegularFile(asset), asset + " is not in the cloud assembly");
            assertArrayEquals(Files.readAllBytes(Synth.FUNCTIONS_JAR), Files.readAllBytes(asset));
        }
    }

    @Test
    void everyHandlerNamesAPublicStreamHandlerClassOfTheFunctionsJar() throws Exception {
        // A class name alone: the runtime then calls it through RequestStreamHandler ("Class::method" would make it
        // call through reflection, whose first call after every SnapStart restore loads method-handle classes).
        try (LambdaRuntimeClassLoader loader = new LambdaRuntimeClassLoader(Synth.FUNCTIONS_JAR)) {
            Class<?> streamHandler =
                    Class.forName("com.amazonaws.services.lambda.runtime.RequestStreamHandler", false, loader);
            for (var function : functions.entrySet()) {
                String handler = (String) ((Map<?, ?>) function.getValue().get("Properties")).get("Handler");
                assertFalse(handler.contains("::"), function.getKey() + ": handler '" + handler + "' names a method");
                // Loaded, not initialized: no static initializer of the handler runs in this test.
                Class<?> type = Class.forName(handler, false, loader);
                assertTrue(type.getClassLoader() == loader, handler + " must come from the functions jar");
                assertTrue(Modifier.isPublic(type.getModifiers()), handler + " is not public");
                assertTrue(streamHandler.isAssignableFrom(type), handler + " must be a RequestStreamHandler");
                // Lambda instantiates the handler class through its public no-argument constructor.
                assertTrue(Modifier.isPublic(type.getConstructor().getModifiers()), handler + "()");
            }
        }
    }
}
