package org.assessmentsapi.adapter.http;

import static org.assessmentsapi.support.Responses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assessmentsapi.contract.ContractCheckedHandler;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.Responses;
import org.assessmentsapi.support.TestEnvironment;
import org.junit.jupiter.api.Test;

/**
 * READ_SCOPE and WRITE_SCOPE: a token must grant the scope of the operation, in {@code permissions} (Auth0 RBAC),
 * {@code scope} or {@code scp}; without it, 403 with RFC 6750's {@code WWW-Authenticate}, checked before the body or
 * the store, so nothing is written. Real tokens of the shared issuer, on the shared table.
 */
class ScopesTest extends ApiTestSupport {

    private static final String READ = "read:assessments";
    private static final String WRITE = "write:assessments";

    private final ContractCheckedHandler scoped = env.handlerTrusting(
            env.issuer.issuer(), env.issuer.audience(), Map.of("READ_SCOPE", READ, "WRITE_SCOPE", WRITE));

    @Test
    void aTokenWithBothScopesInPermissionsCanDoEverything() {
        String both = tokenWith("permissions", List.of(READ, WRITE));
        String id = created(both);
        assertEquals(200, scoped.handleRequest(ApiEvents.get(id, both), null).getStatusCode());
        assertEquals(
                200, scoped.handleRequest(ApiEvents.list(both, "limit=5"), null).getStatusCode());
        assertEquals(
                200,
                scoped.handleRequest(ApiEvents.put(id, both, "{\"progress\":5}"), null)
                        .getStatusCode());
        assertEquals(204, scoped.handleRequest(ApiEvents.delete(id, both), null).getStatusCode());
    }

    @Test
    void aReadOnlyTokenReadsButWritesNothing() {
        String id = created(tokenWith("scope", READ + " " + WRITE));
        String readOnly = tokenWith("scope", "openid " + READ);
        assertEquals(
                200, scoped.handleRequest(ApiEvents.get(id, readOnly), null).getStatusCode());
        assertEquals(
                200, scoped.handleRequest(ApiEvents.list(readOnly, ""), null).getStatusCode());

        assertForbidden(ApiEvents.put(id, readOnly, "{\"progress\":50}"), WRITE);
        assertForbidden(ApiEvents.delete(id, readOnly), WRITE);
        // Refused before the body is read: an invalid body gets the 403 too, not a 400.
        assertForbidden(ApiEvents.post(readOnly, "{\"name\":"), WRITE);
        assertForbidden(ApiEvents.post(readOnly, CREATE_BODY), WRITE);

        var item = env.rawItem(TestEnvironment.TABLE, id);
        assertEquals("1", item.get("version").n(), "nothing was written");
        assertEquals("0", item.get("progress").n());
    }

    @Test
    void scpAsAnArrayOrAStringGrantsToo() {
        String writeOnly = tokenWith("scp", List.of(WRITE));
        String id = created(writeOnly);
        assertForbidden(ApiEvents.get(id, writeOnly), READ);
        assertForbidden(ApiEvents.list(writeOnly, "limit=1"), READ);
        // HEAD is a read too: the same 403 and WWW-Authenticate, without the body.
        assertNull(assertForbiddenHead(ApiEvents.head(ApiEvents.get(id, writeOnly)), READ));
        assertNull(assertForbiddenHead(ApiEvents.head(ApiEvents.list(writeOnly, "limit=1")), READ));
        assertEquals(
                200,
                scoped.handleRequest(ApiEvents.head(ApiEvents.get(id, tokenWith("scp", READ))), null)
                        .getStatusCode());
        assertEquals(
                200,
                scoped.handleRequest(ApiEvents.get(id, tokenWith("scp", READ + " x")), null)
                        .getStatusCode());
    }

    @Test
    void aTokenWithoutScopesIsRefusedWhenScopesAreSetAndAcceptedWhenNot() {
        assertForbidden(ApiEvents.post(token, CREATE_BODY), WRITE);
        assertForbidden(ApiEvents.list(token, ""), READ);
        // A scope-like claim of another type, or a longer name that contains the scope, grants nothing.
        assertForbidden(ApiEvents.post(tokenWith("scope", List.of(7)), CREATE_BODY), WRITE);
        assertForbidden(ApiEvents.post(tokenWith("scope", WRITE + "s"), CREATE_BODY), WRITE);
        // The shared handler has no READ_SCOPE or WRITE_SCOPE: the same token is enough there.
        createAssessment();
    }

    private void assertForbidden(APIGatewayV2HTTPEvent event, String needed) {
        APIGatewayV2HTTPResponse response = scoped.handleRequest(event, null);
        var problem = assertProblem(response, 403);
        assertEquals(
                "urn:assessments-api:problem:insufficient-scope",
                problem.get("type").asText());
        assertEquals(
                "Bearer error=\"insufficient_scope\", scope=\"" + needed + "\"",
                response.getHeaders().get("WWW-Authenticate"));
    }

    /** The body of a HEAD route's 403 (none expected). */
    private String assertForbiddenHead(APIGatewayV2HTTPEvent event, String needed) {
        APIGatewayV2HTTPResponse response = scoped.handleRequest(event, null);
        assertEquals(403, response.getStatusCode());
        assertEquals(
                "Bearer error=\"insufficient_scope\", scope=\"" + needed + "\"",
                response.getHeaders().get("WWW-Authenticate"));
        return response.getBody();
    }

    private String tokenWith(String claim, Object value) {
        return env.issuer.sign(env.issuer
                .claims(user, Duration.ofHours(1))
                .claim(claim, value)
                .jwtID(UUID.randomUUID().toString())
                .build());
    }

    private String created(String token) {
        APIGatewayV2HTTPResponse created = scoped.handleRequest(ApiEvents.post(token, CREATE_BODY), null);
        assertEquals(201, created.getStatusCode(), created.getBody());
        return Responses.json(created).get("id").asText();
    }
}
