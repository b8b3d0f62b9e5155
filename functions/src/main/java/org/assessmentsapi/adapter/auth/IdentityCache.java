package org.assessmentsapi.adapter.auth;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Values computed once per key object (by identity, never by {@code equals}), at most {@link #MAX_ENTRIES}
 * of them. The keys are the JWK objects of the cached JWKS, and the Java keys made from them: a JWKS refresh
 * creates new objects, so entries of replaced or removed keys are simply never looked up again, and the
 * bound drops them. Identity also spares hashing a 2048-bit modulus on every request.
 */
final class IdentityCache<K, V> {

    /** Far more than an issuer publishes at once (usually 1-3 keys), small enough to forget rotated keys. */
    static final int MAX_ENTRIES = 16;

    private final Map<K, V> values = new IdentityHashMap<>();

    /** The value made for this very object, or {@code null}. */
    synchronized V get(K key) {
        return values.get(key);
    }

    synchronized void put(K key, V value) {
        if (values.size() >= MAX_ENTRIES && !values.containsKey(key)) {
            values.clear(); // bounded whatever the issuer publishes; the next tokens convert again
        }
        values.put(key, value);
    }

    synchronized int size() {
        return values.size();
    }
}
