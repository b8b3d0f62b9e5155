package org.assessmentsapi.adapter.http;

import static org.assessmentsapi.support.Responses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Map;
import org.assessmentsapi.devkit.AssessmentsTable;
import org.assessmentsapi.support.ApiEvents;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sample events in events/ (those `sam local invoke -e` uses) run through the handler unchanged but
 * for the token: routes, path parameters and bodies are those of the files.
 */
class SampleEventsTest extends ApiTestSupport {

    private static final String SAMPLE_ID = "3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f7a8b9c";

    @Test
    void postSampleCreates() {
        APIGatewayV2HTTPResponse response = send(withToken(ApiEvents.sample("post-assessment.json")));
        assertEquals(201, response.getStatusCode(), response.getBody());
        assertEquals(
                "Acme Farming Cooperative", json(response).get("companyName").asText());
    }

    @Test
    void putGetAndVersionedPutSamplesWorkOnTheSampleId() {
        seedSampleAssessmentAtVersion(3);

        APIGatewayV2HTTPResponse versioned = send(withToken(ApiEvents.sample("put-assessment-with-version.json")));
        assertEquals(200, versioned.getStatusCode(), versioned.getBody());
        assertEquals(4, json(versioned).get("version").asInt());

        APIGatewayV2HTTPResponse simple = send(withToken(ApiEvents.sample("put-assessment.json")));
        assertEquals(200, simple.getStatusCode(), simple.getBody());
        assertEquals("ANALYZING", json(simple).get("status").asText());
        assertEquals(5, json(simple).get("version").asInt());

        APIGatewayV2HTTPResponse get = send(withToken(ApiEvents.sample("get-assessment.json")));
        assertEquals(200, get.getStatusCode(), get.getBody());
        assertEquals(5, json(get).get("version").asInt());

        // The list sample asks for DRAFT and ANALYZING: the sample assessment is ANALYZING now.
        APIGatewayV2HTTPResponse list = send(withToken(ApiEvents.sample("list-assessments.json")));
        assertEquals(200, list.getStatusCode(), list.getBody());
        assertEquals(SAMPLE_ID, json(list).get("items").get(0).get("id").asText());

        // The delete sample carries If-Match: "5", the version the sample assessment is at now.
        APIGatewayV2HTTPResponse delete = send(withToken(ApiEvents.sample("delete-assessment.json")));
        assertEquals(204, delete.getStatusCode(), delete.getBody());
        assertEquals(
                404, send(withToken(ApiEvents.sample("get-assessment.json"))).getStatusCode());
    }

    /** The sample id is fixed, so this test (re)writes that item for its own user. */
    private void seedSampleAssessmentAtVersion(int version) {
        AssessmentsTable.createIfMissing(env.dynamoDb, "assessments");
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS(SAMPLE_ID));
        item.put("name", AttributeValue.fromS("Q1 supplier review"));
        item.put("companyName", AttributeValue.fromS("Acme Farming Cooperative"));
        item.put("status", AttributeValue.fromS("DRAFT"));
        item.put("intakeMode", AttributeValue.fromS("GUIDED_INTERVIEW"));
        item.put("progress", AttributeValue.fromN("20"));
        item.put("version", AttributeValue.fromN(Integer.toString(version)));
        item.put("userId", AttributeValue.fromS(user));
        item.put("createdAt", AttributeValue.fromS("2026-03-04T14:20:00.000Z"));
        item.put("updatedAt", AttributeValue.fromS("2026-03-04T14:20:00.000Z"));
        env.dynamoDb.putItem(b -> b.tableName("assessments").item(item));
    }

    private APIGatewayV2HTTPEvent withToken(APIGatewayV2HTTPEvent event) {
        return ApiEvents.withHeader(event, "authorization", "Bearer " + token);
    }
}
