package org.assessmentsapi.adapter.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;

/**
 * The per-token context of one verification: which issuer keys the key selector offered for the token's
 * header. A token that verifies is remembered with exactly these keys (see {@link JwtAuthenticator}), without
 * parsing its header and querying the key source a second time.
 */
final class SelectedKeys implements SecurityContext {

    private JWKSelector selector;
    private List<JWK> keys = List.of();

    void record(JWKSelector selector, List<JWK> keys) {
        this.selector = selector;
        this.keys = List.copyOf(keys);
    }

    /** The selector of the token's header, or {@code null} if no key was looked up. */
    JWKSelector selector() {
        return selector;
    }

    List<JWK> keys() {
        return keys;
    }
}
