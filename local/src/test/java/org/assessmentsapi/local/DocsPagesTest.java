package org.assessmentsapi.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link DocsPages} answers, and to whom the page carries a token. */
class DocsPagesTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkZXYtdXNlciJ9.c2lnbmF0dXJl";
    private static final InetSocketAddress LOOPBACK_PEER =
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 5555);
    private static final InetSocketAddress OTHER_PEER = new InetSocketAddress("192.0.2.10", 5555);

    private final AtomicInteger minted = new AtomicInteger();
    private final DocsPages devPages = DocsPages.withDevTokens(() -> {
        minted.incrementAndGet();
        return TOKEN;
    });

    @Test
    void thePageOnLoopbackCarriesAFreshDevelopmentTokenAndIsNeverCached() {
        OutgoingResponse page = get(devPages, DocsPages.PAGE_PATH, "localhost:3000", LOOPBACK_PEER);

        assertEquals(200, page.status());
        assertTrue(html(page).contains("<meta name=\"dev-token\" content=\"" + TOKEN + "\">"), html(page));
        assertEquals(1, minted.get());
        assertEquals(List.of("text/html; charset=utf-8"), page.headers().get("Content-Type"));
        assertEquals(List.of("no-store"), page.headers().get("Cache-Control"));
        assertEquals(List.of(DocsPages.CONTENT_SECURITY_POLICY), page.headers().get("Content-Security-Policy"));
        assertEquals(List.of("no-referrer"), page.headers().get("Referrer-Policy"));
        assertEquals(List.of("DENY"), page.headers().get("X-Frame-Options"));
        assertEquals(List.of("nosniff"), page.headers().get("X-Content-Type-Options"));
    }

    @Test
    void theContentSecurityPolicyAllowsOnlyThisOriginAndNoInlineScript() {
        String csp = DocsPages.CONTENT_SECURITY_POLICY;
        assertTrue(csp.startsWith("default-src 'none';"), csp);
        assertTrue(csp.contains("script-src 'self';"), csp);
        assertTrue(csp.contains("connect-src 'self';"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval") || csp.contains("http"), csp);
    }

    @Test
    void thePageLoadsOnlyAssetsThatAreServedHere() {
        String html = html(get(devPages, DocsPages.PAGE_PATH, "localhost:3000", LOOPBACK_PEER));
        for (String asset : List.of(
                DocsPages.ASSETS_PATH + "/swagger-ui-bundle.js",
                DocsPages.ASSETS_PATH + "/swagger-ui.css",
                DocsPages.ASSETS_PATH + "/favicon-32x32.png",
                DocsPages.SCRIPT_PATH)) {
            assertTrue(html.contains("\"" + asset + "\""), asset);
            OutgoingResponse file = get(devPages, asset, "localhost:3000", LOOPBACK_PEER);
            assertEquals(200, file.status(), asset);
            assertTrue(file.body().length > 0, asset);
            assertEquals(List.of("nosniff"), file.headers().get("X-Content-Type-Options"), asset);
        }
        assertFalse(html.contains("//"), "no absolute or protocol-relative URL (no CDN): " + html);
        assertEquals(
                List.of("public, max-age=31536000, immutable"),
                get(devPages, DocsPages.ASSETS_PATH + "/swagger-ui-bundle.js", "localhost", LOOPBACK_PEER)
                        .headers()
                        .get("Cache-Control"));
        assertTrue(DocsPages.ASSETS_PATH.endsWith("/" + DocsPages.SWAGGER_UI_VERSION));
        assertTrue(DocsPages.SWAGGER_UI_VERSION.matches("\\d+\\.\\d+\\.\\d+"), DocsPages.SWAGGER_UI_VERSION);
    }

    @Test
    void theDocumentIsTheContractOfThisBuild() throws IOException {
        OutgoingResponse document = get(devPages, DocsPages.DOCUMENT_PATH, "localhost:3000", LOOPBACK_PEER);

        assertEquals(200, document.status());
        assertEquals(List.of("application/yaml"), document.headers().get("Content-Type"));
        assertArrayEquals(Files.readAllBytes(Path.of(System.getProperty("openapi.file"))), document.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:3000", "localhost.evil.example", "127.0.0.1.nip.io:3000", "[::2]:3000", ""})
    void aHostThatIsNoLoopbackNameGetsThePageWithoutAToken(String host) {
        OutgoingResponse page = get(devPages, DocsPages.PAGE_PATH, host, LOOPBACK_PEER);

        assertEquals(200, page.status());
        assertFalse(html(page).contains("dev-token"), host);
        assertEquals(0, minted.get());
    }

    @Test
    void aPeerThatIsNotOnLoopbackGetsNoToken() {
        assertFalse(html(get(devPages, DocsPages.PAGE_PATH, "localhost:3000", OTHER_PEER))
                .contains("dev-token"));
        assertFalse(
                html(get(devPages, DocsPages.PAGE_PATH, null, LOOPBACK_PEER)).contains("dev-token"));
        assertEquals(0, minted.get());
    }

    @Test
    void withAConfiguredIssuerThePageNeverCarriesAToken() {
        OutgoingResponse page = get(DocsPages.withoutToken(), DocsPages.PAGE_PATH, "localhost:3000", LOOPBACK_PEER);

        assertEquals(200, page.status());
        assertFalse(html(page).contains("dev-token"));
        assertEquals(List.of("no-store"), page.headers().get("Cache-Control"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST:3000", "127.0.0.1", "127.0.0.1:3000", "127.1.2.3:80", "[::1]:3000"})
    void loopbackNames(String host) {
        assertTrue(DocsPages.isLoopback(host, LOOPBACK_PEER), host);
    }

    @Test
    void otherPathsAreLeftToTheApiAndOtherMethodsAreRefused() {
        assertTrue(devPages.respond("GET", "/docs/", "localhost", LOOPBACK_PEER).isEmpty());
        assertTrue(devPages.respond("GET", "/docs/swagger-ui/0.0.0/swagger-ui-bundle.js", "localhost", LOOPBACK_PEER)
                .isEmpty());
        assertTrue(devPages.respond("GET", "/api/assessments", "localhost", LOOPBACK_PEER)
                .isEmpty());
        for (String method : List.of("POST", "PUT", "DELETE", "get")) {
            OutgoingResponse refused = devPages.respond(method, DocsPages.PAGE_PATH, "localhost", LOOPBACK_PEER)
                    .orElseThrow();
            assertEquals(405, refused.status(), method);
            assertEquals(List.of("GET, HEAD"), refused.headers().get("Allow"), method);
            assertEquals(List.of("application/problem+json"), refused.headers().get("Content-Type"), method);
        }
        assertEquals(0, minted.get());
    }

    @Test
    void theBannerLinksThePage() {
        String dev = DocsPages.bannerLine("http://localhost:3000", true);
        assertTrue(dev.contains("http://localhost:3000/docs "), dev);
        assertTrue(dev.contains("pre-authorized as '" + LocalApi.DEV_USER + "'"), dev);
        assertTrue(dev.contains("http://localhost:3000/openapi.yaml"), dev);
        assertFalse(DocsPages.bannerLine("http://localhost:3000", false).contains("pre-authorized"));
    }

    private static OutgoingResponse get(DocsPages pages, String path, String host, InetSocketAddress peer) {
        return pages.respond("GET", path, host, peer).orElseThrow();
    }

    private static String html(OutgoingResponse page) {
        return new String(page.body(), StandardCharsets.UTF_8);
    }
}
