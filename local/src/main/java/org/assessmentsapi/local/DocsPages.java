package org.assessmentsapi.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.assessmentsapi.adapter.http.ProblemType;

/**
 * The contract's interactive documentation: {@code GET /docs} (Swagger UI from the pinned WebJar bundled into this
 * jar, no CDN), its assets under {@code /docs/}, and the document itself at {@code GET /openapi.yaml}. Only the
 * local runner serves these: the functions jar has no UI, and the API handler answers {@code /docs} as any unknown
 * route.
 *
 * <p>With the development issuer the {@code /docs} page carries a fresh token of the printed user, with which
 * {@code docs.js} pre-authorizes "Try it out"; only for a loopback client that named a loopback host, so that a
 * page of another site whose name was rebound to 127.0.0.1 (DNS rebinding) never receives one. The page is never
 * cached and allows scripts, styles and requests from this origin only.
 */
final class DocsPages {

    private static final String RESOURCES = "/org/assessmentsapi/local/docs/";
    /** The pinned org.webjars:swagger-ui version (recorded at build time) whose files this jar holds. */
    static final String SWAGGER_UI_VERSION = swaggerUiVersion();

    static final String PAGE_PATH = "/docs";
    static final String DOCUMENT_PATH = "/openapi.yaml";
    static final String SCRIPT_PATH = "/docs/docs.js";
    static final String ASSETS_PATH = "/docs/swagger-ui/" + SWAGGER_UI_VERSION;

    /**
     * Fits Swagger UI 5 without any 'unsafe-' source: its bundle, stylesheet and our script from this origin (it sets
     * styles through the DOM, which CSP allows), data: images (its icons), requests to this runner only; no framing,
     * no forms, no base rewriting. DocsPageBrowserIT checks that Chromium reports no violation.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/" + SWAGGER_UI_VERSION + "/";
    /** Versioned paths: a new Swagger UI gets new URLs, so a browser may keep these for good. */
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** A JWT's three base64url parts: nothing else may be written into the page. */
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private final String pageTemplate;
    private final Map<String, Asset> assets;
    private final Supplier<String> devToken;

    private record Asset(String contentType, String cacheControl, byte[] body) {}

    private DocsPages(Supplier<String> devToken) {
        this.devToken = devToken;
        this.pageTemplate =
                new String(resource(RESOURCES + "index.html"), StandardCharsets.UTF_8).replace("@ASSETS@", ASSETS_PATH);
        Map<String, Asset> files = new LinkedHashMap<>();
        files.put(DOCUMENT_PATH, new Asset("application/yaml", "no-cache", resource(RESOURCES + "openapi.yaml")));
        files.put(SCRIPT_PATH, new Asset("text/javascript", "no-cache", resource(RESOURCES + "docs.js")));
        files.put(
                ASSETS_PATH + "/swagger-ui-bundle.js",
                new Asset("text/javascript", IMMUTABLE, resource(WEBJAR + "swagger-ui-bundle.js")));
        files.put(
                ASSETS_PATH + "/swagger-ui.css", new Asset("text/css", IMMUTABLE, resource(WEBJAR + "swagger-ui.css")));
        files.put(
                ASSETS_PATH + "/favicon-32x32.png",
                new Asset("image/png", IMMUTABLE, resource(WEBJAR + "favicon-32x32.png")));
        this.assets = Map.copyOf(files);
    }

    /** The pages of a runner with the development issuer: {@code devToken} mints the token each page load carries. */
    static DocsPages withDevTokens(Supplier<String> devToken) {
        return new DocsPages(devToken);
    }

    /** The pages of a runner verifying a configured issuer's tokens: no token is ever written into them. */
    static DocsPages withoutToken() {
        return new DocsPages(null);
    }

    /** The banner's line for these pages. */
    static String bannerLine(String base, boolean devIssuer) {
        return "  Docs:     " + base + PAGE_PATH
                + (devIssuer
                        ? " (try it in the browser, pre-authorized as '" + LocalApi.DEV_USER + "')"
                        : " (try it in the browser: Authorize with a token of your issuer)")
                + "; the contract: " + base + DOCUMENT_PATH + "\n";
    }

    /**
     * The answer for one of these paths; empty for any other path, which the API answers.
     *
     * @param host the request's {@code Host} header (may be null)
     */
    Optional<OutgoingResponse> respond(String method, String rawPath, String host, InetSocketAddress remote) {
        boolean page = rawPath.equals(PAGE_PATH);
        Asset asset = assets.get(rawPath);
        if (!page && asset == null) {
            return Optional.empty();
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Optional.of(ExchangeHandler.problem(
                    ProblemType.METHOD_NOT_ALLOWED, "Use GET " + rawPath + ".", Map.of("Allow", "GET, HEAD")));
        }
        return Optional.of(page ? page(host, remote) : file(asset));
    }

    private OutgoingResponse page(String host, InetSocketAddress remote) {
        String token = devToken != null && isLoopback(host, remote) ? devToken.get() : null;
        if (token != null && !JWT.matcher(token).matches()) {
            throw new IllegalStateException("the development issuer minted something that is not a compact JWT");
        }
        String html = pageTemplate.replace(
                "@DEV_TOKEN@", token == null ? "" : "<meta name=\"dev-token\" content=\"" + token + "\">");
        Map<String, List<String>> headers = headers("text/html; charset=utf-8", "no-store");
        headers.put("Content-Security-Policy", List.of(CONTENT_SECURITY_POLICY));
        headers.put("Referrer-Policy", List.of("no-referrer"));
        headers.put("X-Frame-Options", List.of("DENY"));
        headers.put("Cross-Origin-Opener-Policy", List.of("same-origin"));
        return new OutgoingResponse(200, headers, html.getBytes(StandardCharsets.UTF_8));
    }

    private static OutgoingResponse file(Asset asset) {
        return new OutgoingResponse(200, headers(asset.contentType(), asset.cacheControl()), asset.body());
    }

    private static Map<String, List<String>> headers(String contentType, String cacheControl) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(contentType));
        headers.put("Cache-Control", List.of(cacheControl));
        headers.put("X-Content-Type-Options", List.of("nosniff"));
        headers.put("Cross-Origin-Resource-Policy", List.of("same-origin"));
        return headers;
    }

    /**
     * A loopback peer that addressed a loopback name: {@code localhost}, {@code 127.x.y.z} or {@code [::1]}, any
     * port. Names are compared, never resolved: a rebound name resolves to loopback but is not one of these.
     */
    static boolean isLoopback(String host, InetSocketAddress remote) {
        if (host == null || remote == null || !remote.getAddress().isLoopbackAddress()) {
            return false;
        }
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end > 0 && name.substring(1, end).equals("::1") && portOnly(name.substring(end + 1));
        }
        int colon = name.indexOf(':');
        String hostname = colon < 0 ? name : name.substring(0, colon);
        return (hostname.equals("localhost") || LOOPBACK_IPV4.matcher(hostname).matches())
                && portOnly(colon < 0 ? "" : name.substring(colon));
    }

    private static boolean portOnly(String rest) {
        return rest.isEmpty() || rest.matches(":\\d{1,5}");
    }

    private static String swaggerUiVersion() {
        Properties properties = new Properties();
        try {
            properties.load(new ByteArrayInputStream(resource(RESOURCES + "swagger-ui.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] resource(String name) {
        try (InputStream in = DocsPages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name + " in the local runner's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
