package org.assessmentsapi.adapter.cursors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assessmentsapi.application.ListQuery;
import org.assessmentsapi.application.PageCursors;
import org.assessmentsapi.application.PagePosition;
import org.assessmentsapi.domain.AssessmentStatus;
import org.junit.jupiter.api.Test;

/** A cursor opens only for the caller, filter and limit it was issued for, and only unaltered. */
class HmacPageCursorsTest {

    private static final PageCursors CURSORS =
            new HmacPageCursors("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final PagePosition POSITION =
            new PagePosition(Instant.parse("2026-03-04T14:20:00.123Z"), "3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f7a8b9c");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final ListQuery DRAFTS = new ListQuery(Set.of(AssessmentStatus.DRAFT), 20);

    @Test
    void aCursorOpensForItsCallerAndQuery() {
        String cursor = CURSORS.encode(POSITION, "auth0|alice", DRAFTS);
        assertEquals(76, cursor.length());
        assertEquals(
                Optional.of(POSITION),
                CURSORS.decode(cursor, "auth0|alice", new ListQuery(EnumSet.of(AssessmentStatus.DRAFT), 20)));
    }

    @Test
    void anotherUserCannotUseIt() {
        String cursor = CURSORS.encode(POSITION, "auth0|alice", DRAFTS);
        for (String other : List.of("auth0|bob", "auth0|alic", "auth0|alice ", "AUTH0|ALICE", "")) {
            assertEquals(Optional.empty(), CURSORS.decode(cursor, other, DRAFTS), other);
        }
    }

    @Test
    void anotherFilterOrLimitCannotUseIt() {
        String cursor = CURSORS.encode(POSITION, "auth0|alice", DRAFTS);
        for (ListQuery other : List.of(
                new ListQuery(Set.of(), 20),
                new ListQuery(Set.of(AssessmentStatus.COMPLETE), 20),
                new ListQuery(Set.of(AssessmentStatus.DRAFT, AssessmentStatus.COMPLETE), 20),
                new ListQuery(Set.of(AssessmentStatus.DRAFT), 21),
                new ListQuery(Set.of(AssessmentStatus.DRAFT), 100))) {
            assertEquals(Optional.empty(), CURSORS.decode(cursor, "auth0|alice", other), other.toString());
        }
    }

    @Test
    void allFourStatusesAreTheSameQueryAsNoFilter() {
        String cursor = CURSORS.encode(POSITION, "auth0|alice", new ListQuery(Set.of(), 20));
        assertEquals(
                Optional.of(POSITION),
                CURSORS.decode(cursor, "auth0|alice", new ListQuery(EnumSet.allOf(AssessmentStatus.class), 20)));
    }

    @Test
    void changingAnyCharacterToAnyOtherBreaksIt() {
        String cursor = CURSORS.encode(POSITION, "auth0|alice", DRAFTS);
        int tried = 0;
        for (int i = 0; i < cursor.length(); i++) {
            for (char c : ALPHABET.toCharArray()) {
                if (c != cursor.charAt(i)) {
                    String altered = cursor.substring(0, i) + c + cursor.substring(i + 1);
                    assertEquals(Optional.empty(), CURSORS.decode(altered, "auth0|alice", DRAFTS), altered);
                    tried++;
                }
            }
        }
        assertEquals(76 * 63, tried);
    }

    @Test
    void flippingAnyBitOfTheDecodedBytesBreaksIt() {
        byte[] bytes = Base64.getUrlDecoder().decode(CURSORS.encode(POSITION, "auth0|alice", DRAFTS));
        for (int bit = 0; bit < bytes.length * 8; bit++) {
            byte[] altered = bytes.clone();
            altered[bit / 8] ^= (byte) (1 << (bit % 8));
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
            assertEquals(Optional.empty(), CURSORS.decode(cursor, "auth0|alice", DRAFTS), "bit " + bit);
        }
    }

    @Test
    void truncatedExtendedPaddedOrNonBase64CursorsAreRefused() {
        String cursor = CURSORS.encode(POSITION, "auth0|alice", DRAFTS);
        for (String bad : List.of(
                "",
                "x",
                cursor.substring(1),
                cursor + "A",
                cursor + "=",
                cursor.substring(0, 75) + "=",
                cursor.replace(cursor.charAt(10), '+'),
                cursor.substring(0, 75) + "/",
                " ".repeat(76),
                "\u00e9".repeat(76),
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[57]))) {
            assertEquals(Optional.empty(), CURSORS.decode(bad, "auth0|alice", DRAFTS), bad);
        }
    }

    @Test
    void anotherKeyDoesNotOpenIt() {
        String cursor = CURSORS.encode(POSITION, "auth0|alice", DRAFTS);
        PageCursors otherKey =
                new HmacPageCursors("0123456789abcdef0123456789abcdeF".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Optional.empty(), otherKey.decode(cursor, "auth0|alice", DRAFTS));
    }

    @Test
    void keysShorterThanTheMacAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HmacPageCursors(new byte[31]));
        assertTrue(HmacPageCursors.MIN_KEY_BYTES >= 32);
    }
}
