package org.assessmentsapi.adapter.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Three base64url parts (the signature may be empty), with only spaces and tabs around them. */
class TokenShapeTest {

    @Test
    void compactSerializationsAreRecognised() {
        for (String token : new String[] {"a.b.c", "a.b.", "eyJh-_0.eyJz_-9.sig-_0", "ab.cd.ef"}) {
            assertTrue(TokenShape.isCompactJws(token), token);
        }
        for (String token : new String[] {"", ".", "..", "a..c", ".b.c", "a.b.c.d", "a.b", "a.b.c=", "a+b.c.d", "a/b.c.d",
                "a.b.c\n", "a.b.c\0", "a b.c.d", "a.b.cé"}) {
            assertFalse(TokenShape.isCompactJws(token), token);
        }
    }

    @Test
    void onlySpacesAndTabsAroundTheTokenAreDropped() {
        assertEquals("a.b.c", TokenShape.withoutOptionalWhitespace(" \ta.b.c\t "));
        assertEquals("a.b.c", TokenShape.withoutOptionalWhitespace("a.b.c"));
        assertEquals("", TokenShape.withoutOptionalWhitespace(" \t "));
        assertEquals("a. b.c", TokenShape.withoutOptionalWhitespace("a. b.c"));
        assertEquals("a.b.c\n", TokenShape.withoutOptionalWhitespace("a.b.c\n"));
        assertEquals("\0a.b.c", TokenShape.withoutOptionalWhitespace("\0a.b.c "));
    }
}
