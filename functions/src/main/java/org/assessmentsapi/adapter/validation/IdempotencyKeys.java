package org.assessmentsapi.adapter.validation;

import java.util.Optional;
import org.assessmentsapi.domain.IdempotencyKey;

/**
 * The {@code Idempotency-Key} request header (IETF httpapi draft "The Idempotency-Key HTTP Header Field"): a
 * Structured Field String, {@code "8e03978e-40d5-43e8-bc93-6894a57f9324"}. The bare form without quotes, which many
 * clients send, names the same key. A key is 1 to {@value #MAX_LENGTH} visible ASCII characters other than
 * {@code "}, {@code \} and {@code ,} (a comma would hide two headers joined into one), e.g. a UUID.
 */
public final class IdempotencyKeys {

    public static final int MAX_LENGTH = 128;

    private IdempotencyKeys() {}

    /** The key, or empty when {@code value} is none (the caller answers 400). */
    public static Optional<IdempotencyKey> parse(String value) {
        String key = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '"' || c == '\\' || c == ',') {
                return Optional.empty();
            }
        }
        return Optional.of(new IdempotencyKey(key));
    }
}
