package org.assessmentsapi.adapter.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.assessmentsapi.devkit.DevIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Remembered (already verified) tokens: same answer as a full verification, expiry still enforced, memory bounded. */
class RememberedTokensTest {

    static DevIssuer issuer;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @BeforeAll
    static void start() {
        issuer = DevIssuer.start();
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    private JwtAuthenticator authenticator() {
        return new JwtAuthenticator(issuer.issuer(), issuer.audience(), JwksSources.remote(issuer.jwksUrl()), clock);
    }

    private static String subject(AuthResult result) {
        return assertInstanceOf(AuthResult.Authenticated.class, result).userId();
    }

    @Test
    void aVerifiedTokenIsRememberedAndGivesTheSameSubject() {
        JwtAuthenticator authenticator = authenticator();
        String token = issuer.token("user-1");
        assertEquals("user-1", subject(authenticator.authenticate("Bearer " + token)));
        assertEquals(1, authenticator.rememberedTokens());
        assertEquals("user-1", subject(authenticator.authenticate("Bearer " + token)));
        assertEquals(1, authenticator.rememberedTokens());
    }

    @Test
    void aRememberedTokenIsRejectedOnceExpired() {
        JwtAuthenticator authenticator = authenticator();
        String token = issuer.token("user-2", Duration.ofMinutes(5));
        assertInstanceOf(AuthResult.Authenticated.class, authenticator.authenticate("Bearer " + token));
        now.set(now.get().plus(Duration.ofMinutes(5)).plusSeconds(JwtAuthenticator.MAX_CLOCK_SKEW_SECONDS + 1));
        assertInstanceOf(AuthResult.Rejected.class, authenticator.authenticate("Bearer " + token));
        assertEquals(0, authenticator.rememberedTokens());
    }

    @Test
    void aTokenIsVerifiedAgainAfterTheRememberTime() {
        JwtAuthenticator authenticator = authenticator();
        String token = issuer.token("user-3", Duration.ofHours(2));
        assertInstanceOf(AuthResult.Authenticated.class, authenticator.authenticate("Bearer " + token));
        now.set(now.get().plus(JwtAuthenticator.REMEMBER_FOR).plusSeconds(1));
        // Verified again from scratch (same keys, still valid): accepted and remembered anew.
        assertEquals("user-3", subject(authenticator.authenticate("Bearer " + token)));
        assertEquals(1, authenticator.rememberedTokens());
    }

    @Test
    void rejectedTokensAreNeverRememberedAndMemoryIsBounded() {
        JwtAuthenticator authenticator = authenticator();
        String good = issuer.token("user-4");
        String tampered = good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertInstanceOf(AuthResult.Rejected.class, authenticator.authenticate("Bearer " + tampered));
        assertEquals(0, authenticator.rememberedTokens());
        for (int i = 0; i <= JwtAuthenticator.MAX_REMEMBERED; i++) {
            authenticator.authenticate("Bearer " + issuer.token("user-" + i));
        }
        assertEquals(1, authenticator.rememberedTokens(), "the map is cleared when full, then holds the newest token");
    }
}
