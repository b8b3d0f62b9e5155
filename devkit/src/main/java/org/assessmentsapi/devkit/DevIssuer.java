package org.assessmentsapi.devkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
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
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A development OpenID-style issuer: an RSA key pair, its JWKS and an OpenID discovery document (whose
 * {@code jwks_uri} names the JWKS) served over HTTP on loopback, and RS256 tokens signed with it. The local runner
 * uses it when no real issuer is configured; tests use it to mint valid and hostile tokens, tokens of other
 * algorithms ({@link #token(String, JWSAlgorithm)}: a key of that type is published for it), and to make the
 * endpoints rotate, fail, stall or answer what a misconfigured provider answers ({@link #answer}).
 */
public final class DevIssuer implements AutoCloseable {

    public static final String JWKS_PATH = "/.well-known/jwks.json";
    public static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    public static final String DEFAULT_AUDIENCE = "assessments-api";

    private final HttpServer server;
    private final String issuerHost;
    private final String audience;
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private volatile RSAKey signingKey;
    private volatile JWKSet published;
    private volatile int failWithStatus;
    private volatile Duration responseDelay = Duration.ZERO;
    /** The {@code scope} claim of the tokens it mints (space-separated); empty: none. */
    private volatile String grantedScopes = "";
    /** Extra published keys, one per algorithm asked for, each with its {@code alg}; rotation drops them. */
    private final Map<JWSAlgorithm, JWK> keysByAlgorithm = new ConcurrentHashMap<>();
    /** Fixed answers (status and body) that replace the normal ones of a path, to play a misconfigured provider. */
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private record Answer(int status, String body) {}

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
     * interface (a free port), and names itself {@code http://<issuerHost>:PORT/} in tokens, in {@link #issuer()} and
     * in its discovery document, so that discovery finds its JWKS as that client reaches it. Anyone who can reach
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
            server.createContext(DISCOVERY_PATH, issuer::serveDiscovery);
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
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", grantedScopes.isEmpty() ? null : grantedScopes);
    }

    /** From now on, its tokens grant these scopes in {@code scope} (none: no such claim), e.g. READ_SCOPE's. */
    public void grantScopes(List<String> scopes) {
        grantedScopes = String.join(" ", scopes);
    }

    /** Signs the claims with the current key (RS256, its {@code kid} in the header). */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, signingKey);
    }

    /** Signs with any RSA key, e.g. one the JWKS does not publish. */
    public static String sign(JWTClaimsSet claims, RSAKey key) {
        return sign(claims, key, JWSAlgorithm.RS256, JOSEObjectType.JWT);
    }

    public RSAKey signingKey() {
        return signingKey;
    }

    /** Replaces the signing key and publishes only the new one (the old key and the extra ones are removed). */
    public RSAKey rotateKey() {
        RSAKey next = newRsaKey();
        signingKey = next;
        keysByAlgorithm.clear();
        published = new JWKSet(next.toPublicJWK());
        return next;
    }

    /**
     * A valid token for {@code subject} signed with {@code algorithm} (RS/PS 256-512, ES256/384/512; nimbus signs EdDSA only with Google Tink, which is not here), by a key
     * of that algorithm made on first use and published from then on, its {@code alg} stated as providers do.
     */
    public String token(String subject, JWSAlgorithm algorithm) {
        return sign(claims(subject, Duration.ofHours(1)).build(), algorithm);
    }

    /** Signs {@code claims} with the published key of {@code algorithm} (made and published on first use). */
    public String sign(JWTClaimsSet claims, JWSAlgorithm algorithm) {
        JWK key = keysByAlgorithm.computeIfAbsent(algorithm, alg -> {
            JWK made = newKey(alg);
            List<JWK> keys = new ArrayList<>(published.getKeys());
            keys.add(made.toPublicJWK());
            published = new JWKSet(keys);
            return made;
        });
        return sign(claims, key, algorithm, JOSEObjectType.JWT);
    }

    /** Signs with any key and algorithm, with this {@code typ} (null: none), e.g. RFC 9068's {@code at+jwt}. */
    public static String sign(JWTClaimsSet claims, JWK key, JWSAlgorithm algorithm, JOSEObjectType type) {
        try {
            JWSHeader header = new JWSHeader.Builder(algorithm)
                    .keyID(key.getKeyID())
                    .type(type)
                    .build();
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(
                    switch (key) {
                        case RSAKey rsa -> new RSASSASigner(rsa);
                        case ECKey ec -> new ECDSASigner(ec);
                        default -> throw new IllegalArgumentException("no signer for " + key.getKeyType());
                    });
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signing key for {@code algorithm}, which it states as its {@code alg}. */
    public static JWK newKey(JWSAlgorithm algorithm) {
        String kid = algorithm.getName() + "-" + UUID.randomUUID();
        try {
            if (JWSAlgorithm.Family.RSA.contains(algorithm)) {
                return new RSAKeyGenerator(2048)
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(algorithm)
                        .keyID(kid)
                        .generate();
            }
            if (JWSAlgorithm.Family.EC.contains(algorithm)) {
                return new ECKeyGenerator(
                                Curve.forJWSAlgorithm(algorithm).iterator().next())
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(algorithm)
                        .keyID(kid)
                        .generate();
            }
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException("not an asymmetric signature algorithm: " + algorithm);
    }

    /** From now on, {@code path} ({@link #JWKS_PATH}, {@link #DISCOVERY_PATH}) answers {@code status} and {@code body}. */
    public void answer(String path, int status, String body) {
        answers.put(path, new Answer(status, body));
    }

    /** The paths answer normally again. */
    public void answerNormally() {
        answers.clear();
    }

    /** The discovery document as served: this issuer and its JWKS (as a client on the issuer's host reaches it). */
    public String discoveryDocument() {
        return "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + jwksUrl()
                + "\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    }

    /** How many times the discovery document was requested. */
    public int discoveryRequests() {
        return discoveryRequests.get();
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
        serve(exchange, JWKS_PATH, published.toString(true));
    }

    private void serveDiscovery(HttpExchange exchange) throws IOException {
        discoveryRequests.incrementAndGet();
        serve(exchange, DISCOVERY_PATH, discoveryDocument());
    }

    /** {@code normal} unless {@link #answer} or {@link #failWith} say otherwise, after the {@link #delayResponses}. */
    private void serve(HttpExchange exchange, String path, String normal) throws IOException {
        try (exchange) {
            sleep(responseDelay);
            int failure = failWithStatus;
            Answer answer = failure != 0
                    ? new Answer(failure, "{\"error\":\"unavailable\"}")
                    : answers.getOrDefault(path, new Answer(200, normal));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
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
