package org.assessmentsapi.adapter.http;

import static org.assessmentsapi.support.Responses.assertProblem;
import static org.assessmentsapi.support.Responses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assessmentsapi.support.ApiEvents;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** POST /api/assessments and GET /api/assessments/{id}. */
class ReadAndCreateApiTest extends ApiTestSupport {

    @Test
    void postCreatesADraftOwnedByTheCaller() {
        APIGatewayV2HTTPResponse response = send(ApiEvents.post(token, CREATE_BODY));

        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        String id = body.get("id").asText();
        assertEquals(id, UUID.fromString(id).toString());
        assertEquals("/api/assessments/" + id, response.getHeaders().get("Location"));
        assertEquals("\"1\"", response.getHeaders().get("ETag"));
        assertEquals("DRAFT", body.get("status").asText());
        assertEquals(0, body.get("progress").asInt());
        assertEquals(1, body.get("version").asInt());
        assertEquals("GUIDED_INTERVIEW", body.get("intakeMode").asText());
        assertEquals("FR", body.get("country").asText());
        assertEquals(user, body.get("userId").asText());
        assertEquals(body.get("createdAt"), body.get("updatedAt"));
        assertTrue(body.get("overallRiskScore").isNull());
        assertTrue(body.get("overallRiskLevel").isNull());

        Map<String, AttributeValue> item = rawItem(id);
        assertEquals(user, item.get("userId").s());
        assertEquals("1", item.get("version").n());
        assertEquals("0", item.get("progress").n());
        assertEquals(body.get("createdAt").asText(), item.get("createdAt").s());
    }

    @Test
    void postWithOnlyRequiredFieldsLeavesOptionalOnesNull() {
        APIGatewayV2HTTPResponse response =
                send(ApiEvents.post(token, "{\"name\":\"n\",\"companyName\":\"c\",\"intakeMode\":\"UPLOAD\"}"));
        assertEquals(201, response.getStatusCode(), response.getBody());
        assertTrue(json(response).get("companyType").isNull());
        assertTrue(json(response).get("country").isNull());
    }

    @Test
    void postListsMissingAndForbiddenFields() {
        JsonNode problem = assertProblem(
                send(ApiEvents.post(token, "{\"companyName\":\"c\",\"status\":\"COMPLETE\",\"userId\":\"x\"}")), 400);
        Set<String> fields = new java.util.HashSet<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(Set.of("name", "intakeMode", "status", "userId"), fields);
    }

    @Test
    void getReturnsTheAssessmentToItsOwner() {
        String id = createAssessment();
        APIGatewayV2HTTPResponse response = send(ApiEvents.get(id, token));
        assertEquals(200, response.getStatusCode());
        assertEquals("\"1\"", response.getHeaders().get("ETag"));
        assertEquals(id, json(response).get("id").asText());
        assertEquals("Q1 supplier review", json(response).get("name").asText());
    }

    @Test
    void getOfAMissingAssessmentIsNotFound() {
        assertProblem(send(ApiEvents.get(UUID.randomUUID().toString(), token)), 404);
        assertProblem(send(ApiEvents.get("nope", token)), 400);
    }
}
