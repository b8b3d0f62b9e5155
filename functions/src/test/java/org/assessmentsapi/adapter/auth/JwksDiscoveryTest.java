package org.assessmentsapi.adapter.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.assessmentsapi.devkit.DevIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where the keys come from when {@code JWKS_URL} is unset (the issuer's OpenID discovery document), and how each
 * failure is classified: a configuration error (named, with what to fix) or an outage (retried). Real HTTP against
 * a development issuer that plays each provider mistake.
 */
class JwksDiscoveryTest {

    /** A window short enough to wait out; production keeps 30 s. */
    private static final JwksSettings SHORT = JwksSettings.PRODUCTION.withMinRefetchInterval(Duration.ofMillis(300));

    private final DevIssuer issuer = DevIssuer.start();

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void theDocumentIsAtTheIssuerWithOrWithoutItsTrailingSlash() {
        URI expected = URI.create("https://idp.example/.well-known/openid-configuration");
        assertEquals(expected, OpenIdDiscovery.documentUrl("https://idp.example/"));
        assertEquals(expected, OpenIdDiscovery.documentUrl("https://idp.example"));
        assertEquals(
                URI.create("https://idp.example/tenant/.well-known/openid-configuration"),
                OpenIdDiscovery.documentUrl("https://idp.example/tenant/"));
    }

    @Test
    void withoutJwksUrlTheKeysAreFoundThroughDiscovery() {
        assertEquals(new KeysStatus.Ready(issuer.jwksUrl()), JwksSources.check(discovered(issuer.issuer())));
        assertEquals(1, issuer.discoveryRequests());
        assertEquals(1, issuer.jwksRequests());
    }

    @Test
    void jwksUrlOverridesDiscovery() {
        JWKSource<SecurityContext> keys = JwksSources.forIssuer(issuer.issuer(), Optional.of(issuer.jwksUrl()), SHORT);
        assertEquals(new KeysStatus.Ready(issuer.jwksUrl()), JwksSources.check(keys));
        assertEquals(0, issuer.discoveryRequests());
    }

    @Test
    void anIssuerThatDiffersByItsTrailingSlashIsNamedWithBothValues() {
        String withoutSlash = issuer.issuer().substring(0, issuer.issuer().length() - 1);
        String reason = misconfigured(discovered(withoutSlash));
        assertTrue(
                reason.contains("JWT_ISSUER is '" + withoutSlash + "'")
                        && reason.contains("says issuer '" + issuer.issuer() + "'")
                        && reason.contains("trailing slash"),
                reason);
    }

    @Test
    void aDocumentOfAnotherIssuerIsAConfigurationError() {
        issuer.answer(
                DevIssuer.DISCOVERY_PATH,
                200,
                "{\"issuer\":\"https://other.example/\",\"jwks_uri\":\"" + issuer.jwksUrl() + "\"}");
        String reason = misconfigured(discovered(issuer.issuer()));
        assertTrue(reason.contains("says issuer 'https://other.example/'"), reason);
    }

    @Test
    void aMissingUnreadableOrIncompleteDocumentIsAConfigurationError() {
        issuer.answer(DevIssuer.DISCOVERY_PATH, 404, "Not Found");
        String missing = misconfigured(discovered(issuer.issuer()));
        assertTrue(missing.contains("answers HTTP 404") && missing.contains("JWT_ISSUER"), missing);

        issuer.answer(DevIssuer.DISCOVERY_PATH, 200, "<html>a login page</html>");
        assertTrue(misconfigured(discovered(issuer.issuer())).contains("is not a JSON object"));

        issuer.answer(DevIssuer.DISCOVERY_PATH, 200, "{\"issuer\":\"" + issuer.issuer() + "\"}");
        assertTrue(misconfigured(discovered(issuer.issuer())).contains("has no http(s) jwks_uri"));

        issuer.answer(DevIssuer.DISCOVERY_PATH, 401, "{}");
        assertTrue(misconfigured(discovered(issuer.issuer())).contains("answers HTTP 401"));
    }

    @Test
    void aDiscoveredKeySetThatIsMissingOrNotAKeySetIsAConfigurationError() {
        issuer.answer(DevIssuer.JWKS_PATH, 404, "");
        String missing = misconfigured(discovered(issuer.issuer()));
        assertTrue(missing.contains("the JWKS at " + issuer.jwksUrl() + " answers HTTP 404"), missing);
        assertTrue(missing.contains("jwks_uri of the discovery document"), missing);

        issuer.answer(DevIssuer.JWKS_PATH, 200, "{\"issuer\":\"not a key set\"}");
        assertTrue(misconfigured(discovered(issuer.issuer())).contains("is not a JSON Web Key Set"));

        issuer.answer(DevIssuer.JWKS_PATH, 200, "<html></html>");
        assertTrue(misconfigured(discovered(issuer.issuer())).contains("is not a JSON Web Key Set"));
    }

    @Test
    void aConfiguredJwksUrlThatIsMissingIsAConfigurationErrorNamingIt() {
        issuer.answer(DevIssuer.JWKS_PATH, 404, "");
        String reason = misconfigured(JwksSources.remote(issuer.jwksUrl(), SHORT));
        assertTrue(reason.contains("answers HTTP 404; check JWKS_URL"), reason);
    }

    @Test
    void anOutageIsNotAConfigurationError() throws IOException {
        for (int status : new int[] {500, 503, 429, 408}) {
            issuer.failWith(status);
            assertInstanceOf(KeysStatus.Unavailable.class, JwksSources.check(discovered(issuer.issuer())), "" + status);
        }
        issuer.failWith(0);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertInstanceOf(
                KeysStatus.Unavailable.class, JwksSources.check(discovered("http://127.0.0.1:" + closedPort + "/")));
        // The discovered key set down: an outage too.
        issuer.answer(DevIssuer.JWKS_PATH, 502, "");
        assertInstanceOf(KeysStatus.Unavailable.class, JwksSources.check(discovered(issuer.issuer())));
    }

    @Test
    void failuresAreRetriedOncePerWindowAndAFixIsPickedUpAfterIt() throws InterruptedException {
        JWKSource<SecurityContext> keys = discovered(issuer.issuer());
        issuer.answer(DevIssuer.DISCOVERY_PATH, 404, "");
        for (int i = 0; i < 20; i++) {
            misconfigured(keys);
        }
        assertEquals(1, issuer.discoveryRequests(), "one attempt per window, however many requests");
        issuer.answerNormally();
        misconfigured(keys); // still within the window: the last failure answers
        Thread.sleep(SHORT.minRefetchInterval().multipliedBy(2).toMillis());
        assertEquals(new KeysStatus.Ready(issuer.jwksUrl()), JwksSources.check(keys));
        assertEquals(2, issuer.discoveryRequests());
    }

    @Test
    void aDiscoveredKeySetThatDisappearsIsDiscoveredAgain() throws InterruptedException {
        JwksSettings shortCache = new JwksSettings(
                Duration.ofMillis(700),
                SHORT.refreshTimeout(),
                SHORT.minRefetchInterval(),
                SHORT.connectTimeout(),
                SHORT.readTimeout(),
                SHORT.sizeLimitBytes());
        JWKSource<SecurityContext> keys = JwksSources.forIssuer(issuer.issuer(), Optional.empty(), shortCache);
        assertInstanceOf(KeysStatus.Ready.class, JwksSources.check(keys));
        issuer.answer(DevIssuer.JWKS_PATH, 404, "");
        Thread.sleep(shortCache.cacheTtl().toMillis() + 100); // the cached keys expire
        misconfigured(keys);
        issuer.answerNormally();
        Thread.sleep(shortCache.minRefetchInterval().multipliedBy(2).toMillis());
        assertInstanceOf(KeysStatus.Ready.class, JwksSources.check(keys));
        assertEquals(2, issuer.discoveryRequests(), "the location was looked up again");
    }

    private static JWKSource<SecurityContext> discovered(String configuredIssuer) {
        return JwksSources.forIssuer(configuredIssuer, Optional.empty(), SHORT);
    }

    private static String misconfigured(JWKSource<SecurityContext> keys) {
        KeysStatus status = JwksSources.check(keys);
        return assertInstanceOf(KeysStatus.Misconfigured.class, status, status.toString())
                .reason();
    }
}
