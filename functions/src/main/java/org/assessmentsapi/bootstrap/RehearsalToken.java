package org.assessmentsapi.bootstrap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;

/**
 * The token of the rehearsals over the canned DynamoDB: the API's start-up warm-up
 * ({@link ApiFunction#warmUpOnCannedStore}) and the SnapStart priming's ({@link ApiFunction#rehearseOnCannedStore},
 * {@link ApiFunction#roundsOnCannedStore}). RS256, the issuer's usual algorithm, verified in full, so that the first
 * real request finds the RSA verification loaded, with no key made at every start (an RSA key takes 0.1-0.5 s; an EC
 * key and its signature took ~60 ms on the start-up's critical path, and the first RS256 request then still loaded
 * the RSA classes). It was signed once, when this class was written, by a key pair whose private half was then
 * discarded; the public half is the only key of the rehearsal's own verifier, for an issuer and audience of the
 * rehearsal's own ({@code .invalid}, a name that never resolves, RFC 2606). So the real handler, whose keys come only
 * from its issuer's JWKS and which checks its own issuer and audience, refuses it, and publishing it here opens
 * nothing. Valid from 2020-01-01 until 2100-01-01; subject {@value #SUBJECT}.
 */
final class RehearsalToken {

    static final String SUBJECT = "warm-up";

    static final String ISSUER = "https://rehearsal.invalid/";
    static final String AUDIENCE = "rehearsal";

    /** {@code {"kid":"rehearsal","typ":"JWT","alg":"RS256"}} and the claims above, signed. */
    static final String TOKEN =
            "eyJraWQiOiJyZWhlYXJzYWwiLCJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL3JlaGV"
                    + "hcnNhbC5pbnZhbGlkLyIsImF1ZCI6InJlaGVhcnNhbCIsInN1YiI6Indhcm0tdXAiLCJuYmYiOjE1Nzc4MzY4MDA"
                    + "sImV4cCI6NDEwMjQ0NDgwMCwiaWF0IjoxNTc3ODM2ODAwfQ.DyzLjyKsZ8JBFhditpk-harvxlwrVOTlwIuVCaYM"
                    + "oFQKvom4gRCX3qrmCy2KeHdoy1yVeBSOGAqmIg7cwRldbLfYgotGQCMnSGeSGCmoswIcfbV_W9YmAqIeJyr4jywu"
                    + "Ln5xzesdWP66w6ss27DSm0yTz5PRouner2kTT5TXdITUKxxmIz517NRL18wyxVfkp5jypfj2DPkJ7w5ipxKddSsr"
                    + "yplvsqHujRboALedHNXYV1l0e2KioM8L-g_s6dOpxQHt3tBj0x5sQQ-Xl-Ti_0wK0wOw6XUPBDegvWsQIFUjMUOB"
                    + "naztJOIA1-q8vw3_0JZpEFNgeH2u4IZCRC-Eog";

    /** The modulus of the public key (the exponent is 65537). */
    private static final String MODULUS =
            "n3pXDkcFiNg_doZHXfNecXIPw2U5F2Nn5pFJcgZgH0DAFXvpryipfU8Wm7fDRrIaQ7Ifxq-auYHqRhe8_IQQhlmG"
                    + "fJzRWOynWX81Izr9mbnoD3SO0hQV34P_IO4gT8EC-HPF_OpPwKHPmgVtz2DvuePgsdb5XMTndGpAtZBqq9puCvBW"
                    + "SGe6PO98o4Sw_4GCB2dQ4auiyGqjFlioX-9vhaj2UxD36mpeqhsdQNYqJPhtLRHOxbfIIAl-qm2_V5huycXR4DLf"
                    + "n4uk_U5o9eXnzEqchwbe6iCFzWDu6Zy_H1IC3dp1x2oov4SOLlsc_IhbgNfQyVM4hDFWBW6fgZVHqQ";

    private RehearsalToken() {}

    /** A key source that holds the rehearsal's public key and nothing else. */
    static JWKSource<SecurityContext> keys() {
        return new ImmutableJWKSet<>(new JWKSet(new RSAKey.Builder(new Base64URL(MODULUS), new Base64URL("AQAB"))
                .keyUse(KeyUse.SIGNATURE)
                .keyID("rehearsal")
                .build()));
    }

    /** {@code config} with the rehearsal's issuer and audience, for the rehearsal's handler (its other settings kept). */
    static AppConfig config(AppConfig config) {
        return config.withJwt(config.jwt().orElseThrow().forIssuer(ISSUER, AUDIENCE));
    }
}
