package org.assessmentsapi.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Context parsing and validation, without synthesizing (no jsii, no Node.js). */
class AssessmentsConfigTest {

    @TempDir
    Path workingDir;

    private final Map<String, Object> context = new HashMap<>();

    @BeforeEach
    void jarAtTheDefaultPlace() throws IOException {
        // The working directory plays infra/, the default jar lives in its sibling functions/target/.
        workingDir = Files.createDirectories(workingDir.resolve("infra"));
        Path jar = workingDir.resolve(AssessmentsConfig.DEFAULT_FUNCTIONS_JAR).normalize();
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[] {'P', 'K'});
    }

    private AssessmentsConfig read() {
        return AssessmentsConfig.fromContext(context::get, workingDir);
    }

    private String failure() {
        return assertThrows(IllegalArgumentException.class, this::read).getMessage();
    }

    @Test
    void productionNeedsIssuerAndAudienceAndNamesBothWhenMissing() {
        String message = failure();
        assertTrue(message.contains("jwtIssuer is missing"), message);
        assertTrue(message.contains("jwtAudience is missing"), message);
        assertTrue(message.contains("-c dev=true"), message);
    }

    @Test
    void productionConfigurationWithDefaults() {
        context.put("jwtIssuer", "https://id.example.com/");
        context.put("jwtAudience", "assessments");
        AssessmentsConfig config = read();
        assertFalse(config.dev());
        assertEquals("AssessmentsApi", config.stackName());
        assertEquals("https://id.example.com/", config.jwtIssuer());
        assertEquals("assessments", config.jwtAudience());
        assertNull(config.jwksUrl());
        assertEquals(1024, config.memorySize());
        assertEquals(50.0, config.throttleRateLimit());
        assertEquals(100, config.throttleBurstLimit());
        assertFalse(config.corsEnabled());
        assertEquals(workingDir.resolve("../functions/target/functions.jar").normalize(), config.functionsJar());
        assertEquals("default", config.eventBusName());
        assertTrue(config.defaultEventBus());
        assertEquals(List.of(), config.eventSources());
        assertEquals(3, config.eventsMaxReceiveCount());
        assertEquals(10, config.eventsBatchSize());
        assertEquals(1, config.eventsBatchingWindowSeconds());
        assertEquals(5, config.eventsMaxConcurrency());
    }

    @Test
    void devAllowsThePlaceholderIssuer() {
        context.put("dev", "true");
        AssessmentsConfig config = read();
        assertTrue(config.dev());
        assertEquals(AssessmentsConfig.DEV_PLACEHOLDER_ISSUER, config.jwtIssuer());
        assertEquals(AssessmentsConfig.DEV_PLACEHOLDER_AUDIENCE, config.jwtAudience());
    }

    @Test
    void issuerWithoutTrailingSlashNeedsNoJwksUrlBecauseTheFunctionUsesDiscovery() {
        context.put("jwtIssuer", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc");
        context.put("jwtAudience", "client-id");
        assertNull(read().jwksUrl());

        context.put("jwksUrl", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc/.well-known/jwks.json");
        assertEquals(context.get("jwksUrl"), read().jwksUrl());
        context.put("jwksUrl", "http://keys.example.com/jwks.json");
        assertTrue(failure().contains("jwksUrl 'http://keys.example.com/jwks.json' must be an https URL"));
    }

    @Test
    void scopesStrictTypeAndGatewayAuthorizerAreOffByDefault() {
        context.put("dev", "true");
        AssessmentsConfig config = read();
        assertNull(config.readScope());
        assertNull(config.writeScope());
        assertFalse(config.jwtStrictType());
        assertFalse(config.gatewayAuthorizer());
    }

    @Test
    void scopesStrictTypeAndGatewayAuthorizerFromContext() {
        context.put("dev", true);
        context.put("readScope", " read:assessments ");
        context.put("writeScope", "https://api.example.com/assessments.write");
        context.put("jwtStrictType", "TRUE");
        context.put("gatewayAuthorizer", true);
        AssessmentsConfig config = read();
        assertEquals("read:assessments", config.readScope());
        assertEquals("https://api.example.com/assessments.write", config.writeScope());
        assertTrue(config.jwtStrictType());
        assertTrue(config.gatewayAuthorizer());
    }

    @Test
    void aScopeIsOneScopeTokenOfRfc6749() {
        context.put("dev", "true");
        // Every character the grammar allows (%x21 / %x23-5B / %x5D-7E) is accepted.
        StringBuilder allowed = new StringBuilder();
        for (char c = 0x21; c <= 0x7E; c++) {
            if (c != '"' && c != '\\') {
                allowed.append(c);
            }
        }
        context.put("readScope", allowed.toString());
        assertEquals(allowed.toString(), read().readScope());
        for (String bad : List.of("read write", "read\"x", "read\\x", "lecture:évaluations", "read\tx")) {
            context.put("readScope", bad);
            context.put("writeScope", bad);
            String message = failure();
            assertTrue(message.contains("readScope '" + bad + "' is not one OAuth scope"), message);
            assertTrue(message.contains("writeScope '" + bad + "' is not one OAuth scope"), message);
        }
    }

    @Test
    void booleansAreTrueOrFalseNothingElse() {
        context.put("dev", "true");
        for (String key : List.of("gatewayAuthorizer", "jwtStrictType", "dev")) {
            context.put(key, "yes");
            assertTrue(failure().contains("Context value " + key + "='yes' is neither true nor false"), key);
            context.put(key, "true");
        }
    }

    @Test
    void issuerMustBeHttps() {
        context.put("jwtIssuer", "http://id.example.com/");
        context.put("jwtAudience", "assessments");
        assertTrue(failure().contains("must be an https URL"));
    }

    @Test
    void missingJarTellsToBuildTheFunctionsModuleFirst() {
        context.put("dev", "true");
        context.put("functionsJar", "nowhere/functions.jar");
        String message = failure();
        assertTrue(message.contains("does not exist: build it first with `mvn -B -pl functions -am package`"), message);
        assertTrue(message.contains(workingDir.resolve("nowhere/functions.jar").toString()), message);
    }

    @Test
    void numbersFromTheCommandLineOrFromCdkJson() {
        context.put("dev", true);
        context.put("memorySize", "2048");
        context.put("throttleRateLimit", 12.5);
        context.put("throttleBurstLimit", 30.0);
        AssessmentsConfig config = read();
        assertEquals(2048, config.memorySize());
        assertEquals(12.5, config.throttleRateLimit());
        assertEquals(30, config.throttleBurstLimit());
    }

    @Test
    void badNumbersAreRejected() {
        context.put("dev", "true");
        context.put("memorySize", "lots");
        assertTrue(failure().contains("memorySize='lots' is not a number"));
        context.put("memorySize", "256");
        assertTrue(failure().contains("memorySize 256 must be between 512 and 10240"));
        context.put("memorySize", "1024");
        context.put("throttleBurstLimit", "2.5");
        assertTrue(failure().contains("throttleBurstLimit='2.5' is not a whole number"));
        context.put("throttleBurstLimit", "0");
        assertTrue(failure().contains("throttleBurstLimit 0 must be positive"));
    }

    @Test
    void corsOriginsAreCommaSeparatedAndChecked() {
        context.put("dev", "true");
        context.put("corsAllowedOrigins", " https://app.example.com, http://localhost:3000 ,");
        AssessmentsConfig config = read();
        assertTrue(config.corsEnabled());
        assertEquals(List.of("https://app.example.com", "http://localhost:3000"), config.corsAllowedOrigins());

        context.put("corsAllowedOrigins", "app.example.com");
        assertTrue(failure().contains("corsAllowedOrigins entry 'app.example.com'"));
    }

    @Test
    void eventSettingsFromContext() {
        context.put("dev", "true");
        context.put("eventBusName", "assessments");
        context.put("eventSources", " assessments.analysis-pipeline , assessments.upload-processor,");
        context.put("eventsMaxReceiveCount", 5.0);
        context.put("eventsBatchSize", "100");
        context.put("eventsBatchingWindowSeconds", "20");
        context.put("eventsMaxConcurrency", "2");
        AssessmentsConfig config = read();
        assertEquals("assessments", config.eventBusName());
        assertFalse(config.defaultEventBus());
        assertEquals(List.of("assessments.analysis-pipeline", "assessments.upload-processor"), config.eventSources());
        assertEquals(5, config.eventsMaxReceiveCount());
        assertEquals(100, config.eventsBatchSize());
        assertEquals(20, config.eventsBatchingWindowSeconds());
        assertEquals(2, config.eventsMaxConcurrency());
    }

    @Test
    void eventBusNameAndSourcesAreChecked() {
        context.put("dev", "true");
        context.put("eventBusName", "my bus");
        context.put("eventSources", "aws.s3,assessments.pipeline,assessments.pipeline");
        String message = failure();
        assertTrue(message.contains("eventBusName 'my bus' is not an EventBridge bus name"), message);
        assertTrue(message.contains("eventSources entry 'aws.s3' is reserved for AWS services"), message);
        assertTrue(message.contains("names a source twice"), message);
    }

    @Test
    void eventLimitsAreThoseOfSqsAndLambda() {
        context.put("dev", "true");
        context.put("eventsMaxReceiveCount", "0");
        context.put("eventsBatchSize", "10001");
        context.put("eventsBatchingWindowSeconds", "301");
        context.put("eventsMaxConcurrency", "1");
        String message = failure();
        assertTrue(message.contains("eventsMaxReceiveCount 0 must be between 1 and 1000"), message);
        assertTrue(message.contains("eventsBatchSize 10001 must be between 1 and 10000"), message);
        assertTrue(message.contains("eventsBatchingWindowSeconds 301 must be between 0 and 300"), message);
        assertTrue(message.contains("eventsMaxConcurrency 1 must be between 2 and 1000"), message);
    }

    @Test
    void batchesAboveTenNeedABatchingWindow() {
        context.put("dev", "true");
        context.put("eventsBatchSize", "11");
        context.put("eventsBatchingWindowSeconds", "0");
        assertTrue(failure().contains("eventsBatchSize 11 above 10 needs eventsBatchingWindowSeconds of at least 1"));
        context.put("eventsBatchSize", "10");
        assertEquals(0, read().eventsBatchingWindowSeconds());
    }
}
