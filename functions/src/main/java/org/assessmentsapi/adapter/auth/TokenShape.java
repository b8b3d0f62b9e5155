package org.assessmentsapi.adapter.auth;

/**
 * The shape checks of a bearer token before any parsing: exactly the regexes {@code ^[ \t]+|[ \t]+$} (removed)
 * and {@code [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*} (matched), as {@code TokenShapeTest} checks. Written
 * as loops because the regex engine walks a ~800-character token at every position: with the compiled regexes
 * the handler's CPU time per new-token PUT (the benchmark's {@code overhead} part, C1) is ~23 us (9 %) higher.
 */
final class TokenShape {

    private TokenShape() {}

    /**
     * Without the spaces and tabs around it; any other character stays (trim() would also drop a NUL or other
     * control character, accepting a header value that no honest client sends).
     */
    static String withoutOptionalWhitespace(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && isSpaceOrTab(token.charAt(start))) {
            start++;
        }
        while (end > start && isSpaceOrTab(token.charAt(end - 1))) {
            end--;
        }
        return token.substring(start, end);
    }

    /** The compact serialization: base64url header and payload (not empty) and signature, joined by two dots. */
    static boolean isCompactJws(String token) {
        int dots = 0;
        int partLength = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (partLength == 0 || ++dots > 2) {
                    return false; // an empty header or payload, or a fourth part
                }
                partLength = 0;
            } else if (isBase64Url(c)) {
                partLength++;
            } else {
                return false;
            }
        }
        return dots == 2;
    }

    private static boolean isSpaceOrTab(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
