package org.assessmentsapi.adapter.http;

import static org.assessmentsapi.support.Responses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.assessmentsapi.contract.OpenApiDocument;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.InMemoryApi;
import org.junit.jupiter.api.Test;

/**
 * The document's examples are the API's real answers: each request example is replayed against the
 * handler and the answer must equal the response example, field for field and in the same order, but
 * for the values that differ on every run (id, owner, timestamps).
 */
class OpenApiExamplesApiTest extends ApiTestSupport {

    OpenApiExamplesApiTest() {
        super(InMemoryApi.get());
    }

    private static final List<String> PER_RUN = List.of("id", "userId", "createdAt", "updatedAt");

    private final OpenApiDocument document = OpenApiDocument.get();

    private String example(String name) {
        return document.at("#/components/examples/" + name)
                .orElseThrow()
                .get("value")
                .toString();
    }

    private static JsonNode withoutPerRunValues(JsonNode assessment) {
        ObjectNode copy = assessment.deepCopy();
        PER_RUN.forEach(field -> copy.put(field, "(per run)"));
        return copy;
    }

    private void assertSameAnswer(String exampleName, APIGatewayV2HTTPResponse response) {
        JsonNode expected = document.at("#/components/examples/" + exampleName)
                .orElseThrow()
                .get("value");
        assertEquals(
                withoutPerRunValues(expected).toString(),
                withoutPerRunValues(json(response)).toString());
    }

    private String createFromTheExample() {
        APIGatewayV2HTTPResponse created = send(ApiEvents.post(
                token,
                document.at("#/paths/~1api~1assessments/post/requestBody/content/application~1json/examples/create")
                        .orElseThrow()
                        .get("value")
                        .toString()));
        assertEquals(201, created.getStatusCode(), created.getBody());
        assertSameAnswer("CreatedAssessment", created);
        return json(created).get("id").asText();
    }

    @Test
    void theSimpleUpdateExampleIsTheRealAnswer() {
        String id = createFromTheExample();

        APIGatewayV2HTTPResponse response = put(id, example("SimpleUpdateRequest"));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertSameAnswer("SimpleUpdateResponse", response);
    }

    @Test
    void theUpdateWithVersionThreeExampleIsTheRealAnswerAtVersionFour() {
        String id = createFromTheExample();
        assertEquals(200, put(id, example("SimpleUpdateRequest")).getStatusCode());
        assertEquals(200, put(id, "{\"progress\":60}").getStatusCode()); // now at version 3

        APIGatewayV2HTTPResponse response = put(id, example("VersionedUpdateRequest"));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertSameAnswer("VersionedUpdateResponse", response);
        assertEquals(4, json(response).get("version").asLong());
    }
}
