package org.assessmentsapi.local;

import java.util.Map;

/**
 * How to start the local API.
 *
 * @param port      the loopback port to serve on; 0 picks a free one
 * @param env       the environment, with the Lambda's variable names ({@code TABLE_NAME}, {@code DYNAMODB_ENDPOINT},
 *                  {@code AWS_REGION}, {@code JWT_ISSUER}, {@code JWT_AUDIENCE}, {@code JWKS_URL})
 * @param accessLog print one line per request on stdout
 */
public record LocalOptions(int port, Map<String, String> env, boolean accessLog) {

    public static final int DEFAULT_PORT = 3000;

    public LocalOptions {
        if (port < 0 || port > 65_535) {
            throw new LocalStartException("PORT must be between 0 and 65535, got " + port);
        }
        env = Map.copyOf(env);
    }

    /** What {@code java -jar assessments-local.jar} uses: {@code PORT} (default 3000) and the process environment. */
    public static LocalOptions fromEnvironment(Map<String, String> env) {
        String port = env.get("PORT");
        if (port == null || port.isBlank()) {
            return new LocalOptions(DEFAULT_PORT, env, true);
        }
        try {
            return new LocalOptions(Integer.parseInt(port.trim()), env, true);
        } catch (NumberFormatException e) {
            throw new LocalStartException("PORT must be a number between 0 and 65535, got '" + port + "'");
        }
    }

    /** For tests and benchmarks: a free port, the given environment, no access log. */
    public static LocalOptions ephemeral(Map<String, String> env) {
        return new LocalOptions(0, env, false);
    }

    public LocalOptions withAccessLog(boolean enabled) {
        return new LocalOptions(port, env, enabled);
    }
}
