package org.assessmentsapi.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration, from environment variables with the same names on Lambda and locally:
 * {@code TABLE_NAME} (default {@code assessments} locally; required on Lambda), {@code DYNAMODB_ENDPOINT} (optional override),
 * {@code AWS_REGION} (default {@code us-east-1} off Lambda), {@code JWT_ISSUER}, {@code JWT_AUDIENCE},
 * {@code JWKS_URL} (default {@code ${JWT_ISSUER}.well-known/jwks.json}).
 */
public record AppConfig(
        String tableName,
        Optional<URI> dynamoDbEndpoint,
        String region,
        String jwtIssuer,
        String jwtAudience,
        URI jwksUrl) {

    public static final String DEFAULT_TABLE_NAME = "assessments";
    public static final String DEFAULT_REGION = "us-east-1";
    /** Set by the Lambda runtime in every function's environment: tells a deployed function from a local run. */
    static final String LAMBDA_MARKER = "AWS_LAMBDA_FUNCTION_NAME";

    /** Reads and checks every variable, listing all problems at once. */
    public static AppConfig fromEnvironment(Map<String, String> env) {
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
        String issuer = blankToNull(env.get("JWT_ISSUER"));
        if (issuer == null) {
            problems.add("JWT_ISSUER is required (the token issuer, e.g. https://your-tenant.auth0.com/)");
        } else {
            httpUri("JWT_ISSUER", issuer, problems);
        }
        String audience = blankToNull(env.get("JWT_AUDIENCE"));
        if (audience == null) {
            problems.add("JWT_AUDIENCE is required (the API identifier that tokens must name in 'aud')");
        }
        String jwks = blankToNull(env.get("JWKS_URL"));
        URI jwksUrl = jwks != null ? httpUri("JWKS_URL", jwks, problems)
                : issuer != null ? httpUri("JWT_ISSUER", withSlash(issuer) + ".well-known/jwks.json", problems) : null;
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid configuration: " + String.join("; ", problems));
        }
        return new AppConfig(tableName, endpoint, region, issuer, audience, jwksUrl);
    }

    private static String valueOr(Map<String, String> env, String name, String fallback) {
        String value = blankToNull(env.get(name));
        return value == null ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
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
