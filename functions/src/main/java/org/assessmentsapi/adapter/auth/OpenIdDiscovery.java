package org.assessmentsapi.adapter.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.Map;

/**
 * Where an OpenID provider publishes its keys: the {@code jwks_uri} of its discovery document at
 * {@code <issuer>/.well-known/openid-configuration} (OpenID Connect Discovery 1.0 §4: a trailing {@code /} of the
 * issuer is dropped before the suffix, so {@code https://x/} and {@code https://x} both mean
 * {@code https://x/.well-known/openid-configuration}). The document's {@code issuer} must equal {@code JWT_ISSUER}
 * exactly (§4.3), as every token's {@code iss} must: a difference is named, with both values, at once.
 */
final class OpenIdDiscovery {

    static final String WELL_KNOWN = "/.well-known/openid-configuration";

    private OpenIdDiscovery() {}

    /** The discovery document's address for {@code issuer}. */
    static URI documentUrl(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return URI.create(base + WELL_KNOWN);
    }

    /**
     * The {@code jwks_uri} of {@code issuer}'s discovery document. Throws a {@link KeysMisconfiguredException} when
     * the document answers a client error, is not JSON, has no http(s) {@code jwks_uri}, or another {@code issuer};
     * a plain {@link KeySourceException} on an outage (connect refused, timeout, 5xx).
     */
    static URI jwksUri(String issuer, ResourceRetriever retriever) throws KeySourceException {
        URI document = documentUrl(issuer);
        String where = "the OpenID discovery document of JWT_ISSUER at " + document;
        String fix = "set JWT_ISSUER to the provider's issuer exactly, or JWKS_URL to its key set";
        String content;
        try {
            content = retriever.retrieveResource(document.toURL()).getContent();
        } catch (StatusCheckingRetriever.ClientErrorAnswer e) {
            throw new KeysMisconfiguredException(where + " answers HTTP " + e.status() + "; " + fix);
        } catch (MalformedURLException e) {
            throw new KeysMisconfiguredException(where + " is not a URL; " + fix);
        } catch (IOException e) {
            throw new KeySourceException(where + " could not be fetched: " + e.getMessage(), e);
        }
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(content);
        } catch (ParseException e) {
            throw new KeysMisconfiguredException(where + " is not a JSON object; " + fix);
        }
        Object published = json.get("issuer");
        if (!issuer.equals(published)) {
            throw new KeysMisconfiguredException("JWT_ISSUER is '" + issuer
                    + "' but the provider's discovery document ("
                    + document + ") says issuer " + (published instanceof String ? "'" + published + "'" : "(none)")
                    + ": tokens carry the provider's issuer in iss, which must equal JWT_ISSUER exactly (trailing"
                    + " slash included); set JWT_ISSUER to it");
        }
        Object jwks = json.get("jwks_uri");
        URI uri = jwks instanceof String text ? httpUri(text) : null;
        if (uri == null) {
            throw new KeysMisconfiguredException(where + " has no http(s) jwks_uri; set JWKS_URL to the key set");
        }
        return uri;
    }

    private static URI httpUri(String text) {
        try {
            URI uri = new URI(text);
            boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            return http && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
