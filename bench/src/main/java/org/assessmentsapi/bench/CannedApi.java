package org.assessmentsapi.bench;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assessmentsapi.adapter.auth.JwksSources;
import org.assessmentsapi.adapter.http.ApiHandler;
import org.assessmentsapi.bootstrap.AppConfig;
import org.assessmentsapi.bootstrap.CannedDynamoDb;
import org.assessmentsapi.bootstrap.DynamoDbClients;
import org.assessmentsapi.bootstrap.Wiring;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The API handler's production wiring over the in-process canned DynamoDB of the start-up warm-up
 * ({@link CannedDynamoDb}: no socket, no data; every UpdateItem answers one assessment of {@link Fixture#USER}),
 * with the keys of a real issuer's JWKS, fetched once over loopback: what the {@code overhead} and {@code jit}
 * parts time, so that the handler's own CPU is not drowned by a network round trip.
 */
record CannedApi(AppConfig config, DynamoDbClient client, JWKSource<SecurityContext> keys) {

    static CannedApi create(String issuer, String audience, URI jwksUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TABLE_NAME", Fixture.TABLE);
        env.put("DYNAMODB_ENDPOINT", "http://127.0.0.1:9"); // never contacted: the canned client answers
        env.put("AWS_REGION", "us-east-1");
        env.put("JWT_ISSUER", issuer);
        env.put("JWT_AUDIENCE", audience);
        env.put("JWKS_URL", jwksUrl.toString());
        AppConfig config = AppConfig.fromEnvironment(env);
        JWKSource<SecurityContext> keys = JwksSources.remote(jwksUrl);
        if (!JwksSources.prefetch(keys)) {
            throw new IllegalStateException("could not fetch the JWKS at " + jwksUrl);
        }
        return new CannedApi(
                config, DynamoDbClients.create(config, env, new CannedDynamoDb(Fixture.SAMPLE_ID, Fixture.USER)), keys);
    }

    /** A new handler on the shared client and keys; its authenticator remembers tokens of its own. */
    ApiHandler handler() {
        return Wiring.api(config, client, keys, Clock.systemUTC());
    }
}
