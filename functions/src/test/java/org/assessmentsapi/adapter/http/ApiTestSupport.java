package org.assessmentsapi.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.UUID;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.ApiFixture;
import org.assessmentsapi.support.InMemoryApi;
import org.assessmentsapi.support.Responses;
import org.assessmentsapi.support.TestEnvironment;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Shared steps of the handler tests: a fresh user per test, assessments created through the API. The handler
 * runs on the DynamoDB table (dynalite) for tests that read raw items or fault the store; tests that need no real
 * store pass {@link InMemoryApi} and run without Node.
 */
abstract class ApiTestSupport {

    static final String CREATE_BODY = "{\"name\":\"Q1 supplier review\",\"companyName\":\"Acme Farming Cooperative\","
            + "\"companyType\":\"Cooperative\",\"country\":\"FR\",\"intakeMode\":\"GUIDED_INTERVIEW\"}";

    final ApiFixture api;
    /** The DynamoDB test environment; null when the test runs on the in-memory store. */
    final TestEnvironment env;

    final String user = "auth0|" + UUID.randomUUID();
    final String token;

    ApiTestSupport() {
        this(TestEnvironment.get());
    }

    private ApiTestSupport(TestEnvironment env) {
        this(env.api(), env);
    }

    /** On another fixture than the DynamoDB one, e.g. {@link InMemoryApi}. */
    ApiTestSupport(ApiFixture api) {
        this(api, null);
    }

    private ApiTestSupport(ApiFixture api, TestEnvironment env) {
        this.api = api;
        this.env = env;
        this.token = api.issuer().token(user);
    }

    APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return api.handler().handleRequest(event, null);
    }

    /** The assessment as stored now. */
    Assessment stored(String id) {
        return api.stored(id).orElseThrow();
    }

    /** Creates an assessment owned by this test's user and returns its id. */
    String createAssessment() {
        APIGatewayV2HTTPResponse created = send(ApiEvents.post(token, CREATE_BODY));
        assertEquals(201, created.getStatusCode(), created.getBody());
        return Responses.json(created).get("id").asText();
    }

    APIGatewayV2HTTPResponse put(String id, String body) {
        return send(ApiEvents.put(id, token, body));
    }

    Map<String, AttributeValue> rawItem(String id) {
        return env.rawItem(TestEnvironment.TABLE, id);
    }
}
