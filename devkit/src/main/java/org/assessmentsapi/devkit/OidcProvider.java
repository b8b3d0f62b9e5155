package org.assessmentsapi.devkit;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A real, certified OpenID provider ({@code oidc-provider}, MIT, pinned in {@code devkit/oidc}) on a loopback
 * port, for interoperability tests: one confidential client with the client-credentials grant, and one resource
 * server (the API, {@link #audience()}) whose access tokens are RFC 9068 JWTs ({@code typ: at+jwt}) signed with
 * {@code alg}. Its issuer has no trailing slash and its keys are at {@code /jwks}, found only through its discovery
 * document, as with most providers. Stops with {@link #close()}, or when this JVM dies.
 */
public final class OidcProvider implements AutoCloseable {

    public static final String CLIENT_ID = "assessments-client";
    private static final String CLIENT_SECRET = "assessments-client-secret";
    private static final Pattern READY_LINE = Pattern.compile("\\{\"port\":(\\d+),\"issuer\":\"([^\"]+)\"}");

    private final Process process;
    private final String issuer;
    private final String audience;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OidcProvider(Process process, String issuer, String audience) {
        this.process = process;
        this.issuer = issuer;
        this.audience = audience;
    }

    /**
     * Starts a provider for the API {@code audience}, which may grant {@code scopes} (space-separated), signing its
     * access tokens with {@code alg} (RS256, PS256 or ES256: it publishes an RSA and a P-256 key).
     */
    public static OidcProvider start(String audience, String scopes, String alg) {
        NodeServers.Started started = NodeServers.start(
                NodeServers.home("oidc", "OIDC_PROVIDER_HOME"),
                Map.of(
                        "AUDIENCE", audience,
                        "SCOPES", scopes,
                        "ALG", alg,
                        "CLIENT_ID", CLIENT_ID,
                        "CLIENT_SECRET", CLIENT_SECRET),
                READY_LINE);
        return new OidcProvider(started.process(), started.ready().group(2), audience);
    }

    /** The provider's issuer, as it writes {@code iss}: {@code http://127.0.0.1:PORT}, no trailing slash. */
    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    /**
     * An access token for the API from the client-credentials grant, over HTTP as any client gets one: the token
     * endpoint from the discovery document, the client authenticated with HTTP Basic, {@code scope} requested (null:
     * none).
     */
    public String clientCredentialsToken(String scope) {
        try {
            String tokenEndpoint = (String) json(get(URI.create(issuer + "/.well-known/openid-configuration")))
                    .get("token_endpoint");
            String form = "grant_type=client_credentials&resource=" + encode(audience)
                    + (scope == null ? "" : "&scope=" + encode(scope));
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(tokenEndpoint))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                                                            .getBytes(StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "token endpoint answered " + response.statusCode() + ": " + response.body());
            }
            return (String) json(response.body()).get("access_token");
        } catch (IOException e) {
            throw new IllegalStateException("could not get a token from " + issuer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static Map<String, Object> json(String text) {
        try {
            return JSONObjectUtils.parse(text);
        } catch (ParseException e) {
            throw new IllegalStateException("not a JSON object: " + text, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        ChildProcesses.stop(process);
    }
}
