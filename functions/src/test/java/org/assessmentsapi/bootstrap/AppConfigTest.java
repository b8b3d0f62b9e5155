package org.assessmentsapi.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assessmentsapi.adapter.auth.RequiredScopes;
import org.assessmentsapi.adapter.auth.TokenRules;
import org.assessmentsapi.support.TestEnvironment;
import org.junit.jupiter.api.Test;

/** Each function requires what it uses: the API its JWT settings, the events function only the store. */
class AppConfigTest {

    private static final byte[] KEY =
            "a cursor key of thirty-two bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final String KEY_BASE64 = Base64.getEncoder().encodeToString(KEY);

    @Test
    void defaultsAndKeysFoundByDiscovery() {
        AppConfig config =
                AppConfig.fromEnvironment(Map.of("JWT_ISSUER", "https://tenant.auth0.com/", "JWT_AUDIENCE", "api"));
        assertEquals("assessments", config.tableName());
        assertEquals(Optional.empty(), config.dynamoDbEndpoint());
        assertEquals("us-east-1", config.region());
        JwtConfig jwt = config.jwt().orElseThrow();
        assertEquals(Optional.empty(), jwt.jwksOverride(), "no JWKS_URL: the discovery document says where");
        assertThrows(IllegalStateException.class, jwt::jwksUrl);
        assertFalse(jwt.strictType());
        assertEquals(RequiredScopes.NONE, jwt.scopes());
    }

    @Test
    void strictTypeAndScopesAreRead() {
        JwtConfig jwt = AppConfig.fromEnvironment(Map.of(
                        "JWT_ISSUER", "https://idp.example",
                        "JWT_AUDIENCE", "api",
                        "JWT_STRICT_TYPE", "TRUE",
                        "READ_SCOPE", "read:assessments",
                        "WRITE_SCOPE", "https://api.example/assessments.write"))
                .jwt()
                .orElseThrow();
        assertTrue(jwt.strictType());
        assertEquals(Optional.of("read:assessments"), jwt.scopes().read());
        assertEquals(
                Optional.of("https://api.example/assessments.write"),
                jwt.scopes().write());
        assertEquals(new TokenRules("https://idp.example", "api", true, jwt.scopes()), jwt.tokenRules());
    }

    @Test
    void aBadStrictTypeOrScopeIsRefusedNamingTheVariable() {
        var error = assertThrows(
                ConfigurationException.class,
                () -> AppConfig.fromEnvironment(Map.of(
                        "JWT_ISSUER", "https://idp.example/",
                        "JWT_AUDIENCE", "api",
                        "JWT_STRICT_TYPE", "yes",
                        "READ_SCOPE", "read assessments",
                        "WRITE_SCOPE", "write\"x")));
        assertTrue(error.getMessage().contains("JWT_STRICT_TYPE must be true or false, got 'yes'"), error.getMessage());
        assertTrue(error.getMessage().contains("READ_SCOPE must be one scope"), error.getMessage());
        assertTrue(error.getMessage().contains("WRITE_SCOPE must be one scope"), error.getMessage());
    }

    @Test
    void explicitValuesWin() {
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                "JWT_ISSUER",
                "https://idp.example/",
                "JWT_AUDIENCE",
                "api",
                "JWKS_URL",
                "https://keys.example/jwks",
                "TABLE_NAME",
                "dev-assessments",
                "DYNAMODB_ENDPOINT",
                "http://127.0.0.1:4567",
                "AWS_REGION",
                "eu-west-1"));
        assertEquals(
                Optional.of(URI.create("https://keys.example/jwks")),
                config.jwt().orElseThrow().jwksOverride());
        assertEquals("dev-assessments", config.tableName());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:4567")), config.dynamoDbEndpoint());
        assertEquals("eu-west-1", config.region());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var error = assertThrows(
                ConfigurationException.class,
                () -> AppConfig.fromEnvironment(Map.of("TABLE_NAME", "x", "DYNAMODB_ENDPOINT", "not a url")));
        assertTrue(error.getMessage().contains("TABLE_NAME"), error.getMessage());
        assertTrue(error.getMessage().contains("DYNAMODB_ENDPOINT"), error.getMessage());
        assertTrue(error.getMessage().contains("JWT_ISSUER is required"), error.getMessage());
        assertTrue(error.getMessage().contains("JWT_AUDIENCE is required"), error.getMessage());
    }

    @Test
    void metricsNamespaceDefaultsToTheStacksDefaultNameAndMustBeACloudWatchNamespace() {
        Map<String, String> jwt = Map.of("JWT_ISSUER", "https://idp.example/", "JWT_AUDIENCE", "api");
        assertEquals("AssessmentsApi", AppConfig.fromEnvironment(jwt).metricsNamespace());
        assertEquals(
                "Prod-Stack",
                AppConfig.forEvents(Map.of("METRICS_NAMESPACE", "Prod-Stack")).metricsNamespace());
        var error = assertThrows(
                ConfigurationException.class, () -> AppConfig.forEvents(Map.of("METRICS_NAMESPACE", "AWS/Lambda")));
        assertTrue(
                error.getMessage().contains("METRICS_NAMESPACE 'AWS/Lambda' is not a CloudWatch namespace"),
                error.getMessage());
    }

    @Test
    void issuerMustBeAnHttpUrl() {
        var error = assertThrows(
                ConfigurationException.class,
                () -> AppConfig.fromEnvironment(Map.of("JWT_ISSUER", "tenant.auth0.com", "JWT_AUDIENCE", "api")));
        assertTrue(error.getMessage().contains("JWT_ISSUER must be an http(s) URL"), error.getMessage());
        assertEquals(
                error.getMessage().indexOf("JWT_ISSUER must"),
                error.getMessage().lastIndexOf("JWT_ISSUER must"),
                "the bad issuer is reported once: " + error.getMessage());
    }

    @Test
    void onLambdaTheTableNameIsRequired() {
        var error = assertThrows(
                ConfigurationException.class,
                () -> AppConfig.fromEnvironment(Map.of(
                        "AWS_LAMBDA_FUNCTION_NAME",
                        "assessments-api",
                        "JWT_ISSUER",
                        "https://idp.example/",
                        "JWT_AUDIENCE",
                        "api")));
        assertEquals(
                "Invalid configuration: TABLE_NAME is required on Lambda (the name of the assessments table); "
                        + "CURSOR_KEY is required on Lambda (base64 of at least 32 random bytes)",
                error.getMessage());
    }

    @Test
    void onLambdaAnExplicitTableNameIsUsed() {
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                "AWS_LAMBDA_FUNCTION_NAME",
                "assessments-api",
                "TABLE_NAME",
                "prod-assessments",
                "JWT_ISSUER",
                "https://idp.example/",
                "JWT_AUDIENCE",
                "api",
                "CURSOR_KEY",
                KEY_BASE64));
        assertEquals("prod-assessments", config.tableName());
        assertArrayEquals(KEY, config.cursorKey());
    }

    @Test
    void locallyEachProcessGetsARandomCursorKey() {
        Map<String, String> env = Map.of("JWT_ISSUER", "https://idp.example/", "JWT_AUDIENCE", "api");
        byte[] first = AppConfig.fromEnvironment(env).cursorKey();
        assertEquals(32, first.length);
        assertFalse(
                java.util.Arrays.equals(first, AppConfig.fromEnvironment(env).cursorKey()));
    }

    @Test
    void aShortOrNonBase64CursorKeyIsRefusedWithoutEchoingIt() {
        for (String bad : List.of(Base64.getEncoder().encodeToString(new byte[31]), "not base64 at all!")) {
            var error = assertThrows(
                    ConfigurationException.class,
                    () -> AppConfig.fromEnvironment(
                            Map.of("JWT_ISSUER", "https://idp.example/", "JWT_AUDIENCE", "api", "CURSOR_KEY", bad)));
            assertEquals("Invalid configuration: CURSOR_KEY must be base64 of at least 32 bytes", error.getMessage());
        }
    }

    @Test
    void theEventsFunctionOnLambdaNeedsTheTableNameToo() {
        var error = assertThrows(
                ConfigurationException.class,
                () -> AppConfig.forEvents(Map.of("AWS_LAMBDA_FUNCTION_NAME", "assessment-events")));
        assertTrue(error.getMessage().contains("TABLE_NAME is required on Lambda"), error.getMessage());
    }

    @Test
    void theEventsFunctionNeedsNoJwtSettings() {
        AppConfig config = AppConfig.forEvents(Map.of("TABLE_NAME", "assessments-prod"));
        assertEquals("assessments-prod", config.tableName());
        assertEquals(Optional.empty(), config.jwt());
    }

    @Test
    void theApiStillFailsFastWithoutJwtSettingsListingBoth() {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> AppConfig.fromEnvironment(Map.of("TABLE_NAME", "assessments-prod")));
        assertTrue(e.getMessage().contains("JWT_ISSUER is required"), e.getMessage());
        assertTrue(e.getMessage().contains("JWT_AUDIENCE is required"), e.getMessage());
    }

    @Test
    void storeProblemsAreReportedForTheEventsFunctionToo() {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> AppConfig.forEvents(Map.of("TABLE_NAME", "x", "DYNAMODB_ENDPOINT", "ftp://nowhere")));
        assertTrue(e.getMessage().contains("TABLE_NAME"), e.getMessage());
        assertTrue(e.getMessage().contains("DYNAMODB_ENDPOINT"), e.getMessage());
    }

    @Test
    void anApiHandlerCannotBeBuiltWithoutAnAuthenticator() {
        TestEnvironment env = TestEnvironment.get();
        AppConfig withoutJwt = AppConfig.forEvents(Map.of());
        assertThrows(
                ConfigurationException.class, () -> Wiring.api(withoutJwt, env.dynamoDb, env.keys, Clock.systemUTC()));
    }
}
