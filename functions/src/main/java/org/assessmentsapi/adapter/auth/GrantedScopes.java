package org.assessmentsapi.adapter.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The scopes a verified token grants, as the providers write them: {@code permissions} (an array: Auth0 RBAC),
 * {@code scope} (one space-separated string: RFC 9068, RFC 8693) and {@code scp} (an array, or a space-separated
 * string: Okta, Microsoft Entra). All three are read and joined; a claim of another type grants nothing.
 */
final class GrantedScopes {

    static final String PERMISSIONS = "permissions";
    static final String SCOPE = "scope";
    static final String SCP = "scp";

    private GrantedScopes() {}

    static Set<String> of(JWTClaimsSet claims) {
        Set<String> scopes = new HashSet<>();
        for (String name : new String[] {PERMISSIONS, SCOPE, SCP}) {
            add(claims.getClaim(name), scopes);
        }
        return Set.copyOf(scopes);
    }

    private static void add(Object claim, Set<String> scopes) {
        if (claim instanceof String text) {
            for (String scope : text.split(" ")) {
                if (!scope.isEmpty()) {
                    scopes.add(scope);
                }
            }
        } else if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                if (value instanceof String scope && !scope.isEmpty()) {
                    scopes.add(scope);
                }
            }
        }
    }
}
