package org.assessmentsapi.adapter.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * nimbus's {@link JWSVerificationKeySelector} (same algorithm allow-list, same JWK matching on the header's
 * {@code alg} and {@code kid}, same key source call on every token, so rotation and the rate-limited refetch
 * behave as before), except that a JWK's Java public key is made once per JWK object instead of on every
 * token: decoding a 2048-bit modulus and building the key through {@code KeyFactory} costs more than the
 * rest of the key lookup at C1. Holding the same key object also lets {@link CachingVerifierFactory} reuse
 * its verifier. When the context is a {@link SelectedKeys}, the offered JWKs are recorded in it.
 */
final class CachingKeySelector extends JWSVerificationKeySelector<SecurityContext> {

    private final IdentityCache<JWK, List<Key>> javaKeys = new IdentityCache<>();

    CachingKeySelector(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> keys) {
        super(algorithms, keys);
    }

    @Override
    public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
        JWKMatcher matcher = isAllowed(header.getAlgorithm()) ? createJWKMatcher(header) : null;
        if (matcher == null) {
            return List.of(); // an algorithm outside the allow-list: no key, so the token is refused
        }
        JWKSelector selector = new JWKSelector(matcher);
        List<JWK> jwks = getJWKSource().get(selector, context);
        if (context instanceof SelectedKeys selected) {
            selected.record(selector, jwks);
        }
        List<Key> keys = new ArrayList<>(jwks.size());
        for (JWK jwk : jwks) {
            List<Key> converted = javaKeys.get(jwk);
            if (converted == null) {
                converted = publicKeys(jwk);
                javaKeys.put(jwk, converted);
            }
            keys.addAll(converted);
        }
        return keys;
    }

    /** What nimbus's selector keeps of a JWK: its public (never private) key, or none if it cannot be converted. */
    private static List<Key> publicKeys(JWK jwk) {
        List<Key> keys = new ArrayList<>(1);
        for (Key key : KeyConverter.toJavaKeys(List.of(jwk))) {
            if (key instanceof PublicKey) {
                keys.add(key); // nimbus also keeps secret keys; the RS256/ES256 matcher never offers one
            }
        }
        return List.copyOf(keys);
    }

    /** For tests: how many JWKs have a converted key now. */
    int convertedKeys() {
        return javaKeys.size();
    }
}
