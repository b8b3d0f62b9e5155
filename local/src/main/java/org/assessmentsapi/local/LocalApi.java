package org.assessmentsapi.local;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assessmentsapi.adapter.auth.JwksSettings;
import org.assessmentsapi.adapter.auth.JwksSources;
import org.assessmentsapi.adapter.auth.KeysStatus;
import org.assessmentsapi.adapter.http.ApiHandler;
import org.assessmentsapi.bootstrap.ApiFunction;
import org.assessmentsapi.bootstrap.AppConfig;
import org.assessmentsapi.bootstrap.ConfigurationException;
import org.assessmentsapi.bootstrap.DynamoDbClients;
import org.assessmentsapi.bootstrap.JwtConfig;
import org.assessmentsapi.bootstrap.Wiring;
import org.assessmentsapi.devkit.AssessmentsTable;
import org.assessmentsapi.devkit.DevIssuer;
import org.assessmentsapi.devkit.Dynalite;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The API on a loopback port, calling the Lambda handler with the API Gateway v2 event of each request.
 *
 * <p>Without {@code DYNAMODB_ENDPOINT} it starts an in-memory dynalite; without {@code JWT_ISSUER} it runs a
 * development issuer (fresh RSA key, JWKS on loopback, {@code POST /local/tokens}). Everything else is the
 * production wiring: {@link ApiFunction#fromEnvironment(Map)} with the Lambda's variable names.
 */
public final class LocalApi implements AutoCloseable {

    static final String DEV_USER = "dev-user";
    static final String SAMPLE_CREATE = "{\"name\":\"Q1 supplier review\",\"companyName\":\"Acme Farming Cooperative\","
            + "\"companyType\":\"Cooperative\",\"country\":\"FR\",\"intakeMode\":\"GUIDED_INTERVIEW\"}";
    static final String SAMPLE_UPDATE = "{\"status\":\"ANALYZING\",\"progress\":40,\"version\":1}";

    private final LocalHttpServer server;
    private final Deque<AutoCloseable> resources;
    private final AppConfig config;
    private final DevIssuer devIssuer;
    private final boolean dynaliteStarted;
    /** Where the issuer's keys were fetched from at start-up; null if the issuer could not be reached then. */
    private final URI jwksUrl;

    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalApi(
            LocalHttpServer server,
            Deque<AutoCloseable> resources,
            AppConfig config,
            DevIssuer devIssuer,
            boolean dynaliteStarted,
            URI jwksUrl) {
        this.server = server;
        this.resources = resources;
        this.config = config;
        this.devIssuer = devIssuer;
        this.dynaliteStarted = dynaliteStarted;
        this.jwksUrl = jwksUrl;
    }

    /** No argument: the local API. {@code sam [events-dir] [out-dir]}: files for {@code sam local invoke}. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("sam")) {
            SamInvokeFiles.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        LocalApi api;
        try {
            api = start(LocalOptions.fromEnvironment(System.getenv()));
        } catch (RuntimeException e) {
            System.err.println("assessments-local: " + oneLine(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            api.close();
                            System.out.println("assessments-local: stopped.");
                        },
                        "local-api-shutdown"));
        System.out.println(api.banner());
    }

    /** Starts everything; on failure, stops what was started and throws a {@link LocalStartException}. */
    public static LocalApi start(LocalOptions options) {
        Map<String, String> env = new HashMap<>(options.env());
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        LocalHttpServer server = null;
        try {
            boolean devIssuerMode = blank(env.get("JWT_ISSUER"));
            if (devIssuerMode && (!blank(env.get("JWT_AUDIENCE")) || !blank(env.get("JWKS_URL")))) {
                throw new LocalStartException(
                        "JWT_AUDIENCE or JWKS_URL is set but JWT_ISSUER is not: set JWT_ISSUER to "
                                + "verify tokens of a real issuer, or unset all three for the development issuer");
            }
            checkConfiguration(env, devIssuerMode);
            // A real issuer's settings are checked before anything starts; the development issuer's once it runs.
            URI jwksUrl = devIssuerMode ? null : checkIssuerKeys(AppConfig.fromEnvironment(env));
            server = bind(options.port());

            boolean startDynalite = blank(env.get("DYNAMODB_ENDPOINT"));
            if (startDynalite) {
                Dynalite dynalite = Dynalite.start();
                resources.push(dynalite);
                env.put("DYNAMODB_ENDPOINT", dynalite.endpoint().toString());
            }
            DevIssuer devIssuer = null;
            if (devIssuerMode) {
                devIssuer = DevIssuer.start();
                resources.push(devIssuer);
                env.put("JWT_ISSUER", devIssuer.issuer());
                env.put("JWT_AUDIENCE", devIssuer.audience());
                // Its tokens grant what READ_SCOPE and WRITE_SCOPE require, so that they work in every setting.
                devIssuer.grantScopes(java.util.stream.Stream.of(env.get("READ_SCOPE"), env.get("WRITE_SCOPE"))
                        .filter(scope -> !blank(scope))
                        .map(String::trim)
                        .toList());
                // No JWKS_URL: found through the development issuer's discovery document, as a real one's is.
            }

            AppConfig config = AppConfig.fromEnvironment(env);
            try (DynamoDbClient tables = DynamoDbClients.create(config, env)) {
                prepareTable(config, tables);
            }
            if (devIssuerMode) {
                jwksUrl = checkIssuerKeys(config);
            }
            ApiHandler handler = ApiFunction.fromEnvironment(env);

            server.start(new ExchangeHandler(handler, devIssuer, options.accessLog()));
            return new LocalApi(server, resources, config, devIssuer, startDynalite, jwksUrl);
        } catch (ConfigurationException e) {
            stop(server, resources);
            throw new LocalStartException(e.getMessage(), e);
        } catch (RuntimeException e) {
            stop(server, resources);
            throw e instanceof LocalStartException ? e : new LocalStartException(oneLine(e), e);
        }
    }

    /**
     * Fetches the issuer's keys as the function will (at {@code JWKS_URL}, or through the issuer's discovery
     * document) and refuses to start on a configuration error, naming it (e.g. JWT_ISSUER without the provider's
     * trailing slash, or a discovery document that is not there); an issuer that cannot be reached now only warns,
     * as on Lambda requests then answer 503 and retry. Returns where the keys are, or null when unreachable.
     */
    private static URI checkIssuerKeys(AppConfig config) {
        KeysStatus status = JwksSources.check(Wiring.issuerKeys(config, JwksSettings.PRODUCTION));
        return switch (status) {
            case KeysStatus.Ready ready -> ready.jwksUrl();
            case KeysStatus.Misconfigured misconfigured ->
                throw new LocalStartException("the identity provider settings are wrong: " + misconfigured.reason());
            case KeysStatus.Unavailable unavailable -> {
                System.err.println("assessments-local: warning: the issuer's keys cannot be fetched now ("
                        + unavailable.reason() + "); requests answer 503 until they can");
                yield null;
            }
        };
    }

    /** Fails fast, before anything starts, on what the user set wrong (values filled in later are stand-ins). */
    private static void checkConfiguration(Map<String, String> env, boolean devIssuerMode) {
        Map<String, String> probe = new HashMap<>(env);
        if (blank(probe.get("DYNAMODB_ENDPOINT"))) {
            probe.put("DYNAMODB_ENDPOINT", "http://127.0.0.1:1");
        }
        if (devIssuerMode) {
            probe.put("JWT_ISSUER", "http://127.0.0.1:1/");
            probe.put("JWT_AUDIENCE", DevIssuer.DEFAULT_AUDIENCE);
        }
        AppConfig.fromEnvironment(probe);
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.address().getPort();
    }

    /** True when tokens come from the development issuer (and {@code POST /local/tokens} is served). */
    public boolean devIssuerMode() {
        return devIssuer != null;
    }

    /** A development token for {@code sub}, valid one hour; only in development-issuer mode. */
    public String mintToken(String sub) {
        if (devIssuer == null) {
            throw new IllegalStateException("JWT_ISSUER is configured: tokens come from that issuer");
        }
        return devIssuer.token(sub, ExchangeHandler.TOKEN_LIFETIME);
    }

    public AppConfig config() {
        return config;
    }

    /** What {@code main} prints once the API is up. */
    public String banner() {
        String base = "http://localhost:" + port();
        StringBuilder out = new StringBuilder();
        out.append("assessments-api is running locally on ").append(base).append('\n');
        out.append(DocsPages.bannerLine(base, devIssuer != null));
        out.append("  DynamoDB: ")
                .append(config.dynamoDbEndpoint().map(URI::toString).orElse("(AWS default)"))
                .append(dynaliteStarted ? " (dynalite, in memory: data is lost on exit)" : " (DYNAMODB_ENDPOINT)")
                .append(", table ")
                .append(config.tableName())
                .append('\n');
        String token;
        JwtConfig jwt = config.jwt().orElseThrow();
        if (devIssuer != null) {
            out.append("  Tokens:   development issuer ")
                    .append(jwt.issuer())
                    .append(", audience ")
                    .append(jwt.audience())
                    .append(", a fresh RSA key per run\n");
            out.append("            more tokens: curl -s -X POST ")
                    .append(base)
                    .append(ExchangeHandler.TOKENS_PATH)
                    .append(" -H 'Content-Type: application/json' -d '{\"sub\": \"another-user\"}'\n");
            token = mintToken(DEV_USER);
            out.append("\nA token for user '").append(DEV_USER).append("' (valid 1 hour):\n\n");
            out.append("  TOKEN='").append(token).append("'\n");
        } else {
            out.append("  Tokens:   issuer ")
                    .append(jwt.issuer())
                    .append(", audience ")
                    .append(jwt.audience())
                    .append(", keys from ")
                    .append(jwksUrl == null ? "(not reachable at start-up)" : jwksUrl.toString())
                    .append(jwt.jwksOverride().isPresent() ? " (JWKS_URL)" : " (OpenID discovery)")
                    .append('\n');
            out.append("\nGet a token from that issuer for audience ")
                    .append(jwt.audience())
                    .append(", then:\n\n");
            out.append("  TOKEN='<your access token>'\n");
        }
        out.append("\nCreate an assessment, then update it (the id comes from the answer):\n\n");
        out.append("  ID=$(curl -s -X POST ")
                .append(base)
                .append("/api/assessments \\\n")
                .append("    -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\\n")
                .append("    -d '")
                .append(SAMPLE_CREATE)
                .append("' \\\n")
                .append("    | sed 's/.*\"id\":\"\\([^\"]*\\)\".*/\\1/'); echo \"$ID\"\n");
        out.append("  curl -si -X PUT ")
                .append(base)
                .append("/api/assessments/$ID \\\n")
                .append("    -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\\n")
                .append("    -d '")
                .append(SAMPLE_UPDATE)
                .append("'\n");
        out.append("\nPress Ctrl-C to stop.");
        return out.toString();
    }

    /** Stops the HTTP server, then dynalite and the development issuer. Safe to call twice. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stop(server, resources);
        }
    }

    private static LocalHttpServer bind(int port) {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try {
            return LocalHttpServer.bind(address, 128);
        } catch (BindException e) {
            throw new LocalStartException(
                    "port " + port + " on " + address.getAddress().getHostAddress()
                            + " is already in use: stop what uses it, or set PORT to another port (PORT=0 picks a free one)",
                    e);
        } catch (IOException e) {
            throw new LocalStartException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the table on a local endpoint (dynalite, or another emulator); on AWS only checks that it exists,
     * since tables there belong to the deployed stack.
     */
    private static void prepareTable(AppConfig config, DynamoDbClient dynamoDb) {
        String endpoint = config.dynamoDbEndpoint().map(URI::toString).orElse("AWS");
        try {
            if (isAws(config)) {
                dynamoDb.describeTable(b -> b.tableName(config.tableName()));
            } else {
                AssessmentsTable.createIfMissing(dynamoDb, config.tableName());
            }
        } catch (ResourceNotFoundException e) {
            throw new LocalStartException(
                    "table '" + config.tableName() + "' does not exist at " + endpoint
                            + ": deploy the stack, or set TABLE_NAME to the deployed table's name",
                    e);
        } catch (SdkException e) {
            throw new LocalStartException("cannot use DynamoDB at " + endpoint + ": " + oneLine(e), e);
        }
    }

    private static boolean isAws(AppConfig config) {
        return config.dynamoDbEndpoint()
                .map(uri -> uri.getHost().toLowerCase(Locale.ROOT))
                .map(host -> host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn"))
                .orElse(true);
    }

    /** The server first (no new requests), then the rest in the reverse order of their start. */
    private static void stop(LocalHttpServer server, Deque<AutoCloseable> resources) {
        if (server != null) {
            server.close();
        }
        closeAll(resources);
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                System.err.println("assessments-local: while stopping: " + oneLine(e));
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
