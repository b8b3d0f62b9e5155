package org.assessmentsapi.devkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A development OpenID-style issuer: an RSA key pair, its JWKS served over HTTP on loopback, and
 * RS256 tokens signed with it. The local runner uses it when no real issuer is configured; tests use
 * it to mint valid and hostile tokens and to make the JWKS endpoint rotate, fail or stall.
 */
public final class DevIssuer implements AutoCloseable {

    public static final String JWKS_PATH = "/.well-known/jwks.json";
    public static final String DEFAULT_AUDIENCE = "assessments-api";

    private final HttpServer server;
    private final String issuerHost;
    private final String audience;
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private volatile RSAKey signingKey;
    private volatile JWKSet published;
    private volatile int failWithStatus;
    private volatile Duration responseDelay = Duration.ZERO;

    private DevIssuer(HttpServer server, String issuerHost, String audience, RSAKey signingKey) {
        this.server = server;
        this.issuerHost = issuerHost;
        this.audience = audience;
        this.signingKey = signingKey;
        this.published = new JWKSet(signingKey.toPublicJWK());
    }

    public static DevIssuer start() {
        return start(DEFAULT_AUDIENCE);
    }

    public static DevIssuer start(String audience) {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "127.0.0.1", audience);
    }

    /**
     * An issuer for a client on another host, e.g. a Lambda container of {@code sam local invoke}: listens on every
     * interface (a free port), and names itself {@code http://<issuerHost>:PORT/} in tokens and in {@link #issuer()},
     * so that {@code ${JWT_ISSUER}.well-known/jwks.json} is its JWKS as that client reaches it. Anyone who can reach
     * this machine can read the JWKS (public keys only); it signs only what this process asks it to.
     */
    public static DevIssuer startReachableAs(String issuerHost) {
        return start(new InetSocketAddress(0), issuerHost, DEFAULT_AUDIENCE);
    }

    private static DevIssuer start(InetSocketAddress address, String issuerHost, String audience) {
        LoopbackHttpServers.enableNoDelay();
        try {
            HttpServer server = HttpServer.create(address, 0);
            DevIssuer issuer = new DevIssuer(server, issuerHost, audience, newRsaKey());
            server.createContext(JWKS_PATH, issuer::serveJwks);
            server.setExecutor(Executors.newCachedThreadPool(daemonThreads()));
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the development JWKS server", e);
        }
    }

    /** The issuer URL, with a trailing slash as Auth0 writes it: {@code http://127.0.0.1:PORT/}. */
    public String issuer() {
        return "http://" + issuerHost + ":" + port() + "/";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Where this process itself reaches the JWKS (loopback, whatever host the issuer names). */
    public URI loopbackJwksUrl() {
        return URI.create("http://127.0.0.1:" + port() + JWKS_PATH);
    }

    public String audience() {
        return audience;
    }

    public URI jwksUrl() {
        return URI.create(issuer().substring(0, issuer().length() - 1) + JWKS_PATH);
    }

    /** A valid token for {@code subject}, good for one hour. */
    public String token(String subject) {
        return token(subject, Duration.ofHours(1));
    }

    public String token(String subject, Duration lifetime) {
        return sign(claims(subject, lifetime).build());
    }

    /** Claims of a valid token, for tests that change one of them. */
    public JWTClaimsSet.Builder claims(String subject, Duration lifetime) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(List.of(audience))
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
    }

    /** Signs the claims with the current key (RS256, its {@code kid} in the header). */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, signingKey);
    }

    /** Signs with any RSA key, e.g. one the JWKS does not publish. */
    public static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT)
                    .build();
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public RSAKey signingKey() {
        return signingKey;
    }

    /** Replaces the signing key and publishes only the new one (the old key is removed). */
    public RSAKey rotateKey() {
        RSAKey next = newRsaKey();
        signingKey = next;
        published = new JWKSet(next.toPublicJWK());
        return next;
    }

    /** Publishes exactly these keys from now on. */
    public void publish(JWKSet keys) {
        published = keys;
    }

    /** Makes the JWKS endpoint answer with this HTTP status (0 restores normal answers). */
    public void failWith(int status) {
        failWithStatus = status;
    }

    /** Delays every JWKS answer, to play an issuer that is slow. */
    public void delayResponses(Duration delay) {
        responseDelay = delay;
    }

    /** How many times the JWKS was requested, to check that fetches are cached and rate-limited. */
    public int jwksRequests() {
        return jwksRequests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static RSAKey newRsaKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serveJwks(HttpExchange exchange) throws IOException {
        jwksRequests.incrementAndGet();
        try (exchange) {
            sleep(responseDelay);
            int status = failWithStatus;
            byte[] body = status == 0
                    ? published.toString(true).getBytes(StandardCharsets.UTF_8)
                    : "{\"error\":\"unavailable\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status == 0 ? 200 : status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "dev-issuer-jwks");
            thread.setDaemon(true);
            return thread;
        };
    }
}
