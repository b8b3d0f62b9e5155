package org.assessmentsapi.adapter.http;

import static org.assessmentsapi.support.Responses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.assessmentsapi.application.ListQuery;
import org.assessmentsapi.devkit.ApiGatewayRoutes;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.InMemoryApi;
import org.junit.jupiter.api.Test;

/**
 * The handler dispatches on the event's {@code routeKey}, as API Gateway set it, never on the path: a request API
 * Gateway matches to no route ({@code $default}, a method in lower case, a trailing slash) answers 404 and writes
 * nothing; HEAD answers what GET answers without the body. Every response is held to docs/openapi.yaml.
 */
class RoutingAndHeadTest extends ApiTestSupport {

    RoutingAndHeadTest() {
        super(InMemoryApi.get());
    }

    @Test
    void theHandlerServesExactlyTheRoutesTheGatewayDeclares() {
        assertEquals(
                ApiGatewayRoutes.ROUTE_KEYS.stream().sorted().toList(),
                Arrays.stream(Route.values()).map(Route::key).sorted().toList());
    }

    @Test
    void aRouteKeyTheApiDoesNotServeIs404AndWritesNothing() {
        String id = createAssessment();
        Assessment before = stored(id);
        for (String routeKey : List.of(
                "$default",
                "put /api/assessments/{id}",
                "Put /api/assessments/{id}",
                "PATCH /api/assessments/{id}",
                "PUT /api/assessments/{id}/",
                "PUT /api/assessments",
                "POST /api/assessments/{id}")) {
            APIGatewayV2HTTPEvent put = ApiEvents.put(id, token, "{\"progress\":99}");
            put.setRouteKey(routeKey);
            put.getRequestContext().setRouteKey(routeKey);
            assertType(assertProblem(send(put), 404), "not-found", routeKey);
        }
        assertEquals(before, stored(id));
    }

    @Test
    void pathsApiGatewayMatchesToNoRouteAreAnswered404AndCreateNothing() {
        int before = ownedCount();
        for (String path : List.of("/api/assessments/", "/api/assessments//", "/api/assessments/x/y")) {
            APIGatewayV2HTTPEvent post = ApiEvents.post(token, CREATE_BODY);
            ApiEvents.routed(post, "POST", path);
            assertEquals(ApiGatewayRoutes.DEFAULT_ROUTE, post.getRouteKey(), path);
            assertProblem(send(post), 404);
        }
        String id = createAssessment();
        APIGatewayV2HTTPEvent get = ApiEvents.get(id, token);
        ApiEvents.routed(get, "GET", "/api/assessments/" + id + "/");
        assertProblem(send(get), 404);
        assertEquals(before + 1, ownedCount());
    }

    @Test
    void theRouteKeyDecidesNotTheMethodOrPathOfTheEvent() {
        String id = createAssessment();
        Assessment before = stored(id);
        APIGatewayV2HTTPEvent event = ApiEvents.put(id, token, "{\"progress\":99}");
        event.setRouteKey("GET /api/assessments/{id}");
        APIGatewayV2HTTPResponse response = send(event);
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(before, stored(id), "answered as the GET the route key names: nothing written");
    }

    @Test
    void headOfAnAssessmentAnswersGetsStatusAndHeadersWithoutTheBody() {
        String id = createAssessment();
        APIGatewayV2HTTPResponse get = send(ApiEvents.get(id, token));
        APIGatewayV2HTTPResponse head = send(ApiEvents.head(ApiEvents.get(id, token)));
        assertEquals(200, head.getStatusCode());
        assertEquals(get.getHeaders(), head.getHeaders());
        assertEquals("\"1\"", head.getHeaders().get("ETag"));
        assertNull(head.getBody());

        APIGatewayV2HTTPResponse notModified =
                send(ApiEvents.head(ApiEvents.withHeader(ApiEvents.get(id, token), "if-none-match", "\"1\"")));
        assertEquals(304, notModified.getStatusCode());
        assertEquals("\"1\"", notModified.getHeaders().get("ETag"));
        assertNull(notModified.getBody());
    }

    @Test
    void headAnswersGetsProblemsWithoutTheirBody() {
        APIGatewayV2HTTPResponse missing =
                send(ApiEvents.head(ApiEvents.get(UUID.randomUUID().toString(), token)));
        APIGatewayV2HTTPResponse getMissing =
                send(ApiEvents.get(UUID.randomUUID().toString(), token));
        assertEquals(404, missing.getStatusCode());
        assertEquals(getMissing.getHeaders(), missing.getHeaders());
        assertNull(missing.getBody());

        APIGatewayV2HTTPResponse badId = send(ApiEvents.head(ApiEvents.get("nope", token)));
        assertEquals(400, badId.getStatusCode());
        assertNull(badId.getBody());

        APIGatewayV2HTTPResponse anonymous =
                send(ApiEvents.head(ApiEvents.get(UUID.randomUUID().toString(), null)));
        assertEquals(401, anonymous.getStatusCode());
        assertEquals("Bearer", anonymous.getHeaders().get("WWW-Authenticate"));
        assertNull(anonymous.getBody());
    }

    @Test
    void headOfTheListAnswersGetsStatusAndHeadersWithoutTheBody() {
        createAssessment();
        APIGatewayV2HTTPResponse get = send(ApiEvents.list(token, "limit=5"));
        APIGatewayV2HTTPResponse head = send(ApiEvents.head(ApiEvents.list(token, "limit=5")));
        assertEquals(200, head.getStatusCode());
        assertEquals(get.getHeaders(), head.getHeaders());
        assertNull(head.getBody());
        assertTrue(get.getBody().contains("\"items\""));

        APIGatewayV2HTTPResponse invalid = send(ApiEvents.head(ApiEvents.list(token, "limit=0")));
        assertEquals(400, invalid.getStatusCode());
        assertNull(invalid.getBody());
    }

    @Test
    void anItemRouteWithoutItsPathParameterIsAMalformedEvent() {
        APIGatewayV2HTTPEvent event = ApiEvents.get(UUID.randomUUID().toString(), token);
        event.setPathParameters(null);
        assertType(assertProblem(send(event), 400), "malformed-event", "no pathParameters.id");
    }

    private static void assertType(com.fasterxml.jackson.databind.JsonNode problem, String slug, String what) {
        assertEquals("urn:assessments-api:problem:" + slug, problem.get("type").asText(), what);
    }

    private int ownedCount() {
        return api.repository()
                .list(user, new ListQuery(java.util.Set.of(), ListQuery.MAX_LIMIT), java.util.Optional.empty())
                .items()
                .size();
    }
}
