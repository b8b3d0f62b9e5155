package org.assessmentsapi.adapter.auth;

import java.util.regex.Pattern;

/** The shape checks of a bearer token before any parsing. */
final class TokenShape {

    /**
     * Spaces and tabs around the token (RFC 9110's optional whitespace); any other character stays, since
     * trim() would also drop a NUL or other control character, accepting a value that no honest client sends.
     */
    private static final Pattern OPTIONAL_WHITESPACE = Pattern.compile("^[ \\t]+|[ \\t]+$");
    /** The compact serialization: base64url header and payload (not empty) and signature, joined by two dots. */
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private TokenShape() {
    }

    static String withoutOptionalWhitespace(String token) {
        return OPTIONAL_WHITESPACE.matcher(token).replaceAll("");
    }

    static boolean isCompactJws(String token) {
        return COMPACT_JWS.matcher(token).matches();
    }
}
