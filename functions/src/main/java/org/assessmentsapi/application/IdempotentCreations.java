package org.assessmentsapi.application;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.assessmentsapi.domain.IdempotencyKey;
import org.assessmentsapi.domain.NewAssessment;

/**
 * What makes a creation with an {@code Idempotency-Key} happen once: its id is derived from the user and the key
 * (so every retry addresses the same item and the store's "not exists" condition lets only the first one write),
 * and the request's fingerprint is stored on the item (so a retry is told from another request under the same key).
 *
 * <p>The id is a UUID version 8 (RFC 9562, custom) made of the first 122 bits of SHA-256 over the user id and the key,
 * each length-prefixed: another user's key gives another id, and random creations (version 4) never meet these.
 */
public final class IdempotentCreations {

    /** How long a key answers with the first creation: from its {@code createdAt}, measured by the service's clock. */
    public static final Duration WINDOW = Duration.ofHours(24);

    private static final byte[] ID_PURPOSE = "assessments-api idempotent id\0".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FINGERPRINT_PURPOSE =
            "assessments-api create request\0".getBytes(StandardCharsets.UTF_8);

    private IdempotentCreations() {}

    static String id(String userId, IdempotencyKey key) {
        MessageDigest sha = sha256();
        sha.update(ID_PURPOSE);
        field(sha, userId);
        field(sha, key.value());
        ByteBuffer hash = ByteBuffer.wrap(sha.digest());
        long high = (hash.getLong() & ~0xF000L) | 0x8000L; // version 8
        long low = (hash.getLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // the RFC 9562 variant
        return new UUID(high, low).toString();
    }

    /**
     * The request as the service understood it (its validated fields, and who sent it), hashed: equal for retries of
     * one request whatever its whitespace or key order, different when any value differs.
     */
    static String fingerprint(String userId, NewAssessment request) {
        MessageDigest sha = sha256();
        sha.update(FINGERPRINT_PURPOSE);
        field(sha, userId);
        field(sha, request.name());
        field(sha, request.companyName());
        field(sha, request.companyType());
        field(sha, request.country());
        field(sha, request.intakeMode() == null ? null : request.intakeMode().name());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
    }

    /** Length-prefixed, with -1 for an absent value, so that no two field lists hash alike. */
    private static void field(MessageDigest sha, String value) {
        byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(Integer.BYTES)
                .putInt(value == null ? -1 : bytes.length)
                .array());
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
