package org.assessmentsapi.adapter.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import java.security.Key;
import java.util.Set;

/**
 * nimbus's {@link DefaultJWSVerifierFactory}, keeping the verifier it made for a key object (as handed out,
 * once per JWK, by {@link CachingKeySelector}) and the algorithm it was made for. nimbus's RSA and EC verifiers
 * hold only the public key and their critical-header policy, and take a new {@code Signature} on every
 * {@code verify}, so one can serve every token signed with that key. Any other algorithm for the same key goes
 * through the default factory again, which refuses a key of the wrong type exactly as before.
 */
final class CachingVerifierFactory implements JWSVerifierFactory {

    private record Made(JWSAlgorithm algorithm, JWSVerifier verifier) {
    }

    private final DefaultJWSVerifierFactory factory = new DefaultJWSVerifierFactory();
    private final IdentityCache<Key, Made> verifiers = new IdentityCache<>();

    @Override
    public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
        Made made = verifiers.get(key);
        if (made != null && made.algorithm().equals(header.getAlgorithm())) {
            return made.verifier();
        }
        JWSVerifier verifier = factory.createJWSVerifier(header, key);
        verifiers.put(key, new Made(header.getAlgorithm(), verifier));
        return verifier;
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return factory.supportedJWSAlgorithms();
    }

    @Override
    public JCAContext getJCAContext() {
        return factory.getJCAContext();
    }
}
