package org.assessmentsapi.adapter.cursors;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assessmentsapi.application.ListQuery;
import org.assessmentsapi.application.PageCursors;
import org.assessmentsapi.application.PagePosition;
import org.assessmentsapi.domain.AssessmentStatus;

/**
 * Turns a {@link PagePosition} into the opaque {@code cursor} of the list answer and back, bound to the caller and
 * the query: the cursor is {@code base64url(position || HMAC-SHA256(key, context || position))}, where the context
 * is the caller's user id, the status filter and the limit. A cursor from another user, for another filter or limit,
 * or changed in any character fails the MAC and is refused; only a MAC that verifies is ever decoded.
 *
 * <p>The position is {@code version (1 byte) || updatedAt epoch milliseconds (8) || id as a UUID (16)}: the index
 * position without the owner, who always comes from the token (the store queries the caller's partition whatever a
 * cursor says, so even a forged cursor could not reach another user's items). 25 + 32 bytes: 76 characters, no
 * padding and no spare bits, so every character counts.
 */
public final class HmacPageCursors implements PageCursors {

    /** The smallest key accepted: as long as the MAC (RFC 2104 recommends at least the output length). */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte FORMAT_VERSION = 1;
    private static final int POSITION_BYTES = 1 + Long.BYTES + 16;
    private static final int MAC_BYTES = 32;
    private static final int CURSOR_CHARS = (POSITION_BYTES + MAC_BYTES) / 3 * 4;
    /** Separates this use of the key from any other, and the context fields from one another. */
    private static final byte[] PURPOSE = "assessments-api list cursor\0".getBytes(StandardCharsets.UTF_8);

    /**
     * One initialised {@link Mac} per thread (a Mac is not thread-safe; {@code doFinal} resets it for the next use):
     * looking the algorithm up and initialising it on every call cost more than the MAC itself (bench {@code resource}).
     */
    private final ThreadLocal<Mac> macs;

    public HmacPageCursors(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the cursor key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        SecretKeySpec spec = new SecretKeySpec(key, ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> initialised(spec));
    }

    private static Mac initialised(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String encode(PagePosition position, String userId, ListQuery query) {
        UUID id = UUID.fromString(position.id());
        byte[] payload = ByteBuffer.allocate(POSITION_BYTES + MAC_BYTES)
                .put(FORMAT_VERSION)
                .putLong(position.updatedAt().toEpochMilli())
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
        System.arraycopy(mac(payload, userId, query), 0, payload, POSITION_BYTES, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
    }

    /** The position, or empty when {@code cursor} was not issued for this caller and query. */
    @Override
    public Optional<PagePosition> decode(String cursor, String userId, ListQuery query) {
        if (cursor.length() != CURSOR_CHARS) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException notBase64url) {
            return Optional.empty();
        }
        byte[] expected = mac(bytes, userId, query);
        byte[] given = java.util.Arrays.copyOfRange(bytes, POSITION_BYTES, POSITION_BYTES + MAC_BYTES);
        if (!MessageDigest.isEqual(expected, given) || bytes[0] != FORMAT_VERSION) { // constant-time comparison
            return Optional.empty();
        }
        ByteBuffer position = ByteBuffer.wrap(bytes, 1, POSITION_BYTES - 1);
        Instant updatedAt = Instant.ofEpochMilli(position.getLong());
        return Optional.of(new PagePosition(updatedAt, new UUID(position.getLong(), position.getLong()).toString()));
    }

    /** The MAC of the first {@value #POSITION_BYTES} bytes of {@code payload} in the caller's and query's context. */
    private byte[] mac(byte[] payload, String userId, ListQuery query) {
        Mac mac = macs.get();
        mac.update(PURPOSE);
        byte[] user = userId.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(user.length).array());
        mac.update(user);
        mac.update(statusBits(query));
        mac.update((byte) query.limit());
        mac.update(payload, 0, POSITION_BYTES);
        return mac.doFinal();
    }

    private static byte statusBits(ListQuery query) {
        int bits = 0;
        for (AssessmentStatus status : query.statuses()) {
            bits |= 1 << status.ordinal();
        }
        return (byte) bits;
    }
}
