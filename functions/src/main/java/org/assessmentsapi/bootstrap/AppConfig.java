package org.assessmentsapi.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assessmentsapi.adapter.auth.RequiredScopes;
import org.assessmentsapi.adapter.cursors.HmacPageCursors;
import org.assessmentsapi.adapter.logging.EmfWriter;
import org.assessmentsapi.adapter.logging.Telemetry;

/**
 * The configuration, from environment variables with the same names on Lambda and locally:
 * {@code TABLE_NAME} (default {@code assessments} locally; required on Lambda), {@code DYNAMODB_ENDPOINT} (optional override),
 * {@code AWS_REGION} (default {@code us-east-1} off Lambda), {@code METRICS_NAMESPACE} (the stack sets it; default
 * {@value #DEFAULT_METRICS_NAMESPACE}), and for the API only {@code JWT_ISSUER},
 * {@code JWT_AUDIENCE}, {@code JWKS_URL} (default: the {@code jwks_uri} of {@code ${JWT_ISSUER}/.well-known/openid-configuration}),
 * {@code JWT_STRICT_TYPE} ({@code true}: RFC 9068 {@code at+jwt} tokens only; default {@code false}),
 * {@code READ_SCOPE} and {@code WRITE_SCOPE} (the scope GET/HEAD and PUT/POST/DELETE need; unset: none) and
 * {@code CURSOR_KEY} (the list cursors' HMAC key, base64 of at least 32 bytes; required on Lambda, a random key per
 * process locally).
 *
 * <p>Each function reads what it needs and no more: the API ({@link #fromEnvironment}) fails fast without
 * its JWT settings; the event-driven function ({@link #forEvents}) has no users, so it neither needs nor
 * reads them ({@link #jwt()} is empty), and its stack need not invent values for them.
 */
public record AppConfig(
        String tableName,
        Optional<URI> dynamoDbEndpoint,
        String region,
        Optional<JwtConfig> jwt,
        byte[] cursorKey,
        String metricsNamespace) {

    public static final String DEFAULT_TABLE_NAME = "assessments";
    public static final String DEFAULT_REGION = "us-east-1";
    /** The namespace of the functions' own metrics when {@code METRICS_NAMESPACE} is not set (the stack sets it). */
    public static final String DEFAULT_METRICS_NAMESPACE = Telemetry.DEFAULT_NAMESPACE;
    /** Set by the Lambda runtime in every function's environment: tells a deployed function from a local run. */
    static final String LAMBDA_MARKER = "AWS_LAMBDA_FUNCTION_NAME";

    /** The API function's configuration: the store and the JWT settings, every problem listed at once. */
    public static AppConfig fromEnvironment(Map<String, String> env) {
        return read(env, true);
    }

    /** The event-driven function's configuration: the store only; JWT variables are ignored. */
    public static AppConfig forEvents(Map<String, String> env) {
        return read(env, false);
    }

    private static AppConfig read(Map<String, String> env, boolean withJwt) {
        List<String> problems = new ArrayList<>();
        // On Lambda the default would silently address a table of that name in the account: the stack must
        // say which table, so a missing name fails the init, not the first request.
        boolean onLambda = blankToNull(env.get(LAMBDA_MARKER)) != null;
        String tableName = valueOr(env, "TABLE_NAME", onLambda ? null : DEFAULT_TABLE_NAME);
        if (tableName == null) {
            problems.add("TABLE_NAME is required on Lambda (the name of the assessments table)");
        } else if (!tableName.matches("[a-zA-Z0-9_.-]{3,255}")) {
            problems.add("TABLE_NAME must be 3-255 characters of a-z, A-Z, 0-9, '_', '-', '.'");
        }
        Optional<URI> endpoint = Optional.ofNullable(blankToNull(env.get("DYNAMODB_ENDPOINT")))
                .map(value -> httpUri("DYNAMODB_ENDPOINT", value, problems));
        String region = valueOr(env, "AWS_REGION", DEFAULT_REGION);
        Optional<JwtConfig> jwt = withJwt ? Optional.ofNullable(jwt(env, problems)) : Optional.empty();
        // The events function lists nothing: it reads no key, and the random one it gets is never used.
        byte[] cursorKey = withJwt ? cursorKey(env, onLambda, problems) : randomKey();
        String namespace = valueOr(env, EmfWriter.NAMESPACE_VARIABLE, DEFAULT_METRICS_NAMESPACE);
        if (!EmfWriter.isNamespace(namespace)) {
            problems.add(EmfWriter.NAMESPACE_VARIABLE + " '" + namespace + "' is not a CloudWatch namespace (1-255 of"
                    + " 0-9 A-Z a-z . - _ / # : and space, not starting with AWS/)");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid configuration: " + String.join("; ", problems));
        }
        return new AppConfig(tableName, endpoint, region, jwt, cursorKey, namespace);
    }

    /** The JWT settings, or null with the reasons added to {@code problems}. */
    private static JwtConfig jwt(Map<String, String> env, List<String> problems) {
        int before = problems.size();
        String issuer = blankToNull(env.get("JWT_ISSUER"));
        URI issuerUri = null;
        if (issuer == null) {
            problems.add("JWT_ISSUER is required (the token issuer, e.g. https://your-tenant.auth0.com/)");
        } else {
            issuerUri = httpUri("JWT_ISSUER", issuer, problems);
        }
        String audience = blankToNull(env.get("JWT_AUDIENCE"));
        if (audience == null) {
            problems.add("JWT_AUDIENCE is required (the API identifier that tokens must name in 'aud')");
        }
        // Unset: found at start-up through the issuer's OpenID discovery document.
        Optional<URI> jwksUrl = Optional.ofNullable(blankToNull(env.get("JWKS_URL")))
                .map(value -> httpUri("JWKS_URL", value, problems));
        boolean strictType = flag(env, "JWT_STRICT_TYPE", problems);
        RequiredScopes scopes =
                new RequiredScopes(scope(env, "READ_SCOPE", problems), scope(env, "WRITE_SCOPE", problems));
        return problems.size() == before ? new JwtConfig(issuer, audience, jwksUrl, strictType, scopes) : null;
    }

    /** {@code true} or {@code false} (any case); unset is false. */
    private static boolean flag(Map<String, String> env, String name, List<String> problems) {
        String value = blankToNull(env.get(name));
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        problems.add(name + " must be true or false, got '" + value + "'");
        return false;
    }

    /** One scope (an RFC 6749 scope token, e.g. {@code read:assessments}), or empty when unset. */
    private static Optional<String> scope(Map<String, String> env, String name, List<String> problems) {
        String value = blankToNull(env.get(name));
        if (value != null && !RequiredScopes.isScopeToken(value)) {
            problems.add(
                    name + " must be one scope (printable ASCII without space, '\"' or '\\'), got '" + value + "'");
            return Optional.empty();
        }
        return Optional.ofNullable(value);
    }

    /**
     * {@code CURSOR_KEY}: on Lambda the stack passes a generated secret (cursors stay valid across instances and
     * deployments); locally, unset means a random key per process, so cursors end with the process, as the data does.
     */
    private static byte[] cursorKey(Map<String, String> env, boolean onLambda, List<String> problems) {
        String value = blankToNull(env.get("CURSOR_KEY"));
        if (value == null) {
            if (onLambda) {
                problems.add("CURSOR_KEY is required on Lambda (base64 of at least " + HmacPageCursors.MIN_KEY_BYTES
                        + " random bytes)");
            }
            return randomKey();
        }
        try {
            byte[] key = Base64.getDecoder().decode(value);
            if (key.length >= HmacPageCursors.MIN_KEY_BYTES) {
                return key;
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below, without the value: it is a secret
        }
        problems.add("CURSOR_KEY must be base64 of at least " + HmacPageCursors.MIN_KEY_BYTES + " bytes");
        return null;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[HmacPageCursors.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static String valueOr(Map<String, String> env, String name, String fallback) {
        String value = blankToNull(env.get(name));
        return value == null ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static URI httpUri(String name, String value, List<String> problems) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(name + " must be an http(s) URL, got '" + value + "'");
        return null;
    }
}
