package org.assessmentsapi.adapter.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeyTypeException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import java.security.Key;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.assessmentsapi.devkit.DevIssuer;
import org.junit.jupiter.api.Test;

/** A JWK's Java key and verifier are made once per JWK object; everything else is nimbus's selection, unchanged. */
class KeyReuseTest {

    private static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private final RSAKey rsa = DevIssuer.newRsaKey();
    private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(rsa.toPublicJWK()));
    private final CachingKeySelector selector = new CachingKeySelector(ALLOWED, (s, c) -> s.select(published.get()));

    private static JWSHeader header(JWSAlgorithm algorithm, String kid) {
        return new JWSHeader.Builder(algorithm).keyID(kid).build();
    }

    @Test
    void theSameJwkGivesTheSameKeyAndVerifierAndTheSelectionIsRecorded() throws Exception {
        SelectedKeys selected = new SelectedKeys();
        List<Key> first = selector.selectJWSKeys(header(JWSAlgorithm.RS256, rsa.getKeyID()), selected);
        List<Key> second = selector.selectJWSKeys(header(JWSAlgorithm.RS256, rsa.getKeyID()), null);
        assertEquals(1, first.size());
        assertSame(first.get(0), second.get(0));
        assertTrue(first.get(0) instanceof PublicKey);
        assertEquals(List.of(rsa.toPublicJWK()), selected.keys());

        CachingVerifierFactory factory = new CachingVerifierFactory();
        assertSame(factory.createJWSVerifier(header(JWSAlgorithm.RS256, null), first.get(0)),
                factory.createJWSVerifier(header(JWSAlgorithm.RS256, null), second.get(0)));
        assertThrows(KeyTypeException.class, () -> factory.createJWSVerifier(header(JWSAlgorithm.ES256, null), first.get(0)),
                "a cached RSA verifier is never handed out for another algorithm");
    }

    @Test
    void aRefreshedKeySetGivesNewKeysAndTheCacheStaysBounded() throws Exception {
        Key before = selector.selectJWSKeys(header(JWSAlgorithm.RS256, rsa.getKeyID()), null).get(0);
        published.set(JWKSet.parse(published.get().toString(false))); // a refetch: equal keys, new objects
        Key after = selector.selectJWSKeys(header(JWSAlgorithm.RS256, rsa.getKeyID()), null).get(0);
        assertNotSame(before, after);
        assertEquals(before, after);
        for (int i = 0; i < 3 * IdentityCache.MAX_ENTRIES; i++) {
            published.set(JWKSet.parse(published.get().toString(false)));
            selector.selectJWSKeys(header(JWSAlgorithm.RS256, rsa.getKeyID()), null);
        }
        assertTrue(selector.convertedKeys() <= IdentityCache.MAX_ENTRIES);
    }

    @Test
    void onlyAllowListedAlgorithmsAndOnlyPublicKeysAreOffered() throws Exception {
        OctetSequenceKey secret = new OctetSequenceKeyGenerator(256).keyID("hmac").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
        published.set(new JWKSet(List.of(rsa, secret, ec.toPublicJWK()))); // even a private RSA key in the set
        SelectedKeys selected = new SelectedKeys();
        assertEquals(List.of(), selector.selectJWSKeys(header(JWSAlgorithm.HS256, "hmac"), selected));
        assertEquals(List.of(), selector.selectJWSKeys(header(JWSAlgorithm.RS512, rsa.getKeyID()), selected));
        assertEquals(List.of(), selected.keys(), "nothing looked up for a refused algorithm");
        List<Key> rsaKeys = selector.selectJWSKeys(header(JWSAlgorithm.RS256, rsa.getKeyID()), null);
        assertEquals(List.of(rsa.toRSAPublicKey()), rsaKeys, "the public half only");
        assertEquals(List.of(ec.toECPublicKey()), selector.selectJWSKeys(header(JWSAlgorithm.ES256, "ec"), null));
    }
}
