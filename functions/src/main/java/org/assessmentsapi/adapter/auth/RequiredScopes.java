package org.assessmentsapi.adapter.auth;

import java.util.Optional;

/**
 * The scope a token must grant for each {@link Access} ({@code READ_SCOPE}, {@code WRITE_SCOPE}); an empty one means
 * no scope check for that access (a valid token is enough).
 */
public record RequiredScopes(Optional<String> read, Optional<String> write) {

    /** No scope check at all. */
    public static final RequiredScopes NONE = new RequiredScopes(Optional.empty(), Optional.empty());

    public Optional<String> forAccess(Access access) {
        return access == Access.READ ? read : write;
    }

    /**
     * A scope as RFC 6749 §3.3 defines a scope token: one or more of {@code %x21 / %x23-5B / %x5D-7E} (printable
     * ASCII without space, {@code "} and {@code \}), so that it can be quoted in {@code WWW-Authenticate} as is.
     */
    public static boolean isScopeToken(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
