package org.assessmentsapi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assessmentsapi.support.ApiEvents;
import org.junit.jupiter.api.Test;

/** The checker itself: it passes a conforming answer and names each kind of departure. */
class ContractCheckerTest {

    private static final String ID = "3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f7a8b9c";
    private static final String ASSESSMENT = "{\"id\":\"" + ID + "\",\"name\":\"Q1\",\"companyName\":\"Acme\","
            + "\"companyType\":null,\"country\":\"FR\",\"status\":\"DRAFT\",\"intakeMode\":\"UPLOAD\",\"progress\":0,"
            + "\"version\":1,\"overallRiskScore\":null,\"overallRiskLevel\":null,\"userId\":\"auth0|u\","
            + "\"createdAt\":\"2026-03-04T14:15:00.000Z\",\"updatedAt\":\"2026-03-04T14:15:00.000Z\"}";
    private static final String NOT_FOUND =
            "{\"type\":\"urn:assessments-api:problem:not-found\",\"title\":\"Not found\","
                    + "\"status\":404,\"detail\":\"No assessment with this id exists for you.\"}";

    private final ContractChecker checker = new ContractChecker(OpenApiDocument.get());
    private final APIGatewayV2HTTPEvent get = ApiEvents.get(ID, "token");

    private static APIGatewayV2HTTPResponse response(int status, String body, String... headers) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(map)
                .withBody(body)
                .build();
    }

    private List<String> check(APIGatewayV2HTTPEvent request, APIGatewayV2HTTPResponse response) {
        return checker.violations(request, response);
    }

    private static void assertOneViolation(List<String> violations, String containing) {
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains(containing), violations.toString());
    }

    @Test
    void aConformingAnswerHasNoViolations() {
        assertEquals(
                List.of(), check(get, response(200, ASSESSMENT, "Content-Type", "application/json", "ETag", "\"1\"")));
        assertEquals(List.of(), check(get, response(404, NOT_FOUND, "Content-Type", "application/problem+json")));
        assertEquals(List.of(), check(get, response(304, null, "ETag", "\"1\"")));
    }

    @Test
    void anUndocumentedStatusIsAViolation() {
        assertOneViolation(
                check(get, response(409, NOT_FOUND, "Content-Type", "application/problem+json")), "not documented");
    }

    @Test
    void aMissingOrMalformedRequiredHeaderIsAViolation() {
        assertOneViolation(
                check(get, response(200, ASSESSMENT, "Content-Type", "application/json")), "ETag is missing");
        assertOneViolation(
                check(get, response(200, ASSESSMENT, "Content-Type", "application/json", "ETag", "1")), "header ETag");
    }

    @Test
    void aBodyThatBreaksItsSchemaIsAViolation() {
        String extraField = ASSESSMENT.replace("\"version\":1,", "\"version\":1,\"colour\":\"red\",");
        assertTrue(!check(get, response(200, extraField, "Content-Type", "application/json", "ETag", "\"1\""))
                .isEmpty());
        String badEnum = ASSESSMENT.replace("DRAFT", "DONE");
        assertTrue(!check(get, response(200, badEnum, "Content-Type", "application/json", "ETag", "\"1\""))
                .isEmpty());
        String missingField = ASSESSMENT.replace("\"country\":\"FR\",", "");
        assertTrue(!check(get, response(200, missingField, "Content-Type", "application/json", "ETag", "\"1\""))
                .isEmpty());
        String badTime = ASSESSMENT.replace("14:15:00.000Z\",\"updatedAt", "14:15:00Z\",\"updatedAt");
        assertTrue(!check(get, response(200, badTime, "Content-Type", "application/json", "ETag", "\"1\""))
                .isEmpty());
    }

    @Test
    void anUndocumentedContentTypeOrAnUnexpectedBodyIsAViolation() {
        assertOneViolation(
                check(get, response(200, ASSESSMENT, "Content-Type", "text/plain", "ETag", "\"1\"")), "content type");
        assertOneViolation(check(get, response(304, ASSESSMENT, "ETag", "\"1\"")), "a body where");
    }

    @Test
    void problemsMustKeepToTheirSchema() {
        String leaky = NOT_FOUND.replace("}", ",\"stackTrace\":\"at x\"}");
        assertTrue(!check(get, response(404, leaky, "Content-Type", "application/problem+json"))
                .isEmpty());
        String conflictWithoutVersion =
                "{\"type\":\"urn:assessments-api:problem:version-conflict\",\"title\":\"t\",\"status\":409,\"detail\":\"d\"}";
        APIGatewayV2HTTPEvent put = ApiEvents.put(ID, "token", "{\"progress\":1,\"version\":1}");
        assertTrue(!check(put, response(409, conflictWithoutVersion, "Content-Type", "application/problem+json"))
                .isEmpty());
    }

    @Test
    void aRequestBodyTheApiAcceptedMustFitTheDocument() {
        APIGatewayV2HTTPEvent put = ApiEvents.put(ID, "token", "{\"progress\":1,\"colour\":\"red\"}");
        assertOneViolation(
                check(put, response(200, ASSESSMENT, "Content-Type", "application/json", "ETag", "\"1\"")),
                "accepted a request body");
    }

    @Test
    void undocumentedRouteKeysMayOnlyAnswerPlainNotFound() {
        for (String routeKey : List.of("$default", "PATCH /api/assessments/{id}", "get /api/assessments/{id}")) {
            APIGatewayV2HTTPEvent unknown = ApiEvents.get(ID, "token");
            unknown.setRouteKey(routeKey);
            assertEquals(
                    List.of(),
                    check(unknown, response(404, NOT_FOUND, "Content-Type", "application/problem+json")),
                    routeKey);
            assertOneViolation(
                    check(unknown, response(200, NOT_FOUND, "Content-Type", "application/problem+json")),
                    "may only answer 404");
        }
    }

    @Test
    void theOperationIsTheRouteKeysNotThePaths() {
        APIGatewayV2HTTPEvent head = ApiEvents.get(ID, "token");
        head.setRouteKey("HEAD /api/assessments/{id}");
        assertEquals(List.of(), check(head, response(200, null, "ETag", "\"1\"")));
        assertOneViolation(check(head, response(200, ASSESSMENT, "ETag", "\"1\"")), "a body where");
    }
}
