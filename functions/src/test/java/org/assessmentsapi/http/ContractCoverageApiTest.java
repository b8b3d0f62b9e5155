package org.assessmentsapi.http;

import static org.assessmentsapi.support.Responses.assertProblem;
import static org.assessmentsapi.support.Responses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.util.UUID;
import org.assessmentsapi.contract.ContractCheckedHandler;
import org.assessmentsapi.devkit.AssessmentsTable;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The answers that the update tests do not produce, each checked against docs/openapi.yaml by the
 * contract-checked handler: creation, reading, 401, 405, unknown paths and 503.
 */
class ContractCoverageApiTest extends ApiTestSupport {

    @Test
    void creationAnswers201WithLocationAndETag() {
        APIGatewayV2HTTPResponse created = send(ApiEvents.post(token, CREATE_BODY));

        assertEquals(201, created.getStatusCode(), created.getBody());
        String id = json(created).get("id").asText();
        assertEquals("/api/assessments/" + id, created.getHeaders().get("Location"));
        assertEquals("\"1\"", created.getHeaders().get("ETag"));
        assertEquals(1, json(created).get("version").asLong());
    }

    @Test
    void invalidCreationsAreProblems() {
        assertProblem(send(ApiEvents.post(token, "{\"name\":\"x\"}")), 400);
        assertProblem(send(ApiEvents.withHeader(ApiEvents.post(token, CREATE_BODY), "content-type", "text/csv")), 415);
        assertProblem(send(ApiEvents.post(token, "{\"name\":\"" + "a".repeat(17_000) + "\"}")), 413);
    }

    @Test
    void readingAnswersTheAssessmentOrNotFound() {
        String id = createAssessment();
        APIGatewayV2HTTPResponse response = send(ApiEvents.get(id, token));
        assertEquals(200, response.getStatusCode());
        assertEquals(id, json(response).get("id").asText());
        assertProblem(send(ApiEvents.get(UUID.randomUUID().toString(), token)), 404);
        assertProblem(send(ApiEvents.get("not-a-uuid", token)), 400);
    }

    @Test
    void withoutAValidTokenEveryRouteAnswers401() {
        String id = createAssessment();
        for (APIGatewayV2HTTPEvent event : new APIGatewayV2HTTPEvent[] {
                ApiEvents.get(id, null), ApiEvents.put(id, "not.a.jwt", "{\"progress\":1}"), ApiEvents.post(null, CREATE_BODY)}) {
            APIGatewayV2HTTPResponse response = send(event);
            assertProblem(response, 401);
            assertEquals("Bearer", response.getHeaders().get("WWW-Authenticate"));
        }
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        APIGatewayV2HTTPEvent unknownPath = ApiEvents.get(UUID.randomUUID().toString(), token);
        unknownPath.setRawPath("/api/other");
        unknownPath.getRequestContext().getHttp().setPath("/api/other");
        assertProblem(send(unknownPath), 404);

        APIGatewayV2HTTPEvent delete = ApiEvents.get(UUID.randomUUID().toString(), token);
        delete.getRequestContext().getHttp().setMethod("DELETE");
        APIGatewayV2HTTPResponse response = send(delete);
        assertProblem(response, 405);
        assertEquals("GET, PUT", response.getHeaders().get("Allow"));
    }

    @Test
    void anUnreachableStoreAnswers503WithRetryAfter() {
        URI nowhere = URI.create("http://127.0.0.1:9");
        DynamoDbClient unreachable = AssessmentsTable.localClient(nowhere);
        ContractCheckedHandler handler = env.handlerWith(env.configFor(nowhere.toString(), TestEnvironment.TABLE), unreachable);

        APIGatewayV2HTTPResponse response = handler.handleRequest(ApiEvents.get(UUID.randomUUID().toString(), token), null);

        assertProblem(response, 503);
        assertEquals("1", response.getHeaders().get("Retry-After"));
        unreachable.close();
    }
}
