package org.assessmentsapi.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.assessmentsapi.adapter.lambda.MalformedEventException;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.LambdaInvocations;
import org.assessmentsapi.support.LogCapture;
import org.assessmentsapi.support.Responses;
import org.junit.jupiter.api.Test;

/**
 * The API function's own reading of the API Gateway HTTP API event JSON (payload format 2.0) and writing of its
 * response JSON: the samples Lambda would send, fields AWS may add, parts that may be absent, and events that are
 * not payload 2.0 events at all.
 */
class ApiGatewayPayloadTest extends ApiTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE_ID = "3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f7a8b9c";

    private static ObjectNode sample(String file) throws IOException {
        return (ObjectNode) JSON.readTree(ApiEvents.eventsDir().resolve(file).toFile());
    }

    private static HttpRequest read(JsonNode event) throws MalformedEventException {
        return read(event.toString());
    }

    private static HttpRequest read(String event) throws MalformedEventException {
        return HttpRequest.read(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyApiSampleIsReadAsItsFileSays() throws Exception {
        for (String file : List.of(
                "get-assessment.json",
                "post-assessment.json",
                "put-assessment.json",
                "put-assessment-with-version.json")) {
            JsonNode sample = sample(file);
            HttpRequest request =
                    HttpRequest.read(Files.newInputStream(ApiEvents.eventsDir().resolve(file)));
            assertEquals(sample.get("routeKey").asText(), request.routeKey(), file);
            assertEquals(sample.at("/requestContext/requestId").asText(), request.requestId(), file);
            assertEquals(sample.has("body") ? sample.get("body").asText() : null, request.body(), file);
            assertFalse(request.base64Encoded(), file);
            assertEquals(file.equals("post-assessment.json") ? null : SAMPLE_ID, request.pathId(), file);
            assertEquals(sample.get("headers").size(), request.headers().size(), file);
            sample.get("headers")
                    .properties()
                    .forEach(header -> assertEquals(
                            header.getValue().asText(), request.header(header.getKey()), file + " " + header.getKey()));
        }
    }

    @Test
    void unknownFieldsAnywhereAreIgnored() throws Exception {
        ObjectNode event = sample("put-assessment.json");
        event.putObject("futureField").putArray("nested").add(1).add("two");
        event.put("stageVariables", "not even the documented type");
        event.putArray("cookies").add("session=1");
        event.put("queryStringParameters", 42);
        ((ObjectNode) event.get("requestContext"))
                .putObject("authorizer")
                .putObject("jwt")
                .putObject("claims")
                .put("sub", "x");
        ((ObjectNode) event.at("/requestContext/http")).put("newHttpField", true);

        HttpRequest request = read(event);

        assertEquals("PUT /api/assessments/{id}", request.routeKey());
        assertEquals(SAMPLE_ID, request.pathId());
        assertEquals(sample("put-assessment.json").get("body").asText(), request.body());
    }

    @Test
    void absentOptionalPartsReadAsAbsent() throws Exception {
        HttpRequest minimal = read("{\"version\":\"2.0\",\"routeKey\":\"GET /api/assessments/{id}\"}");
        assertEquals("GET /api/assessments/{id}", minimal.routeKey());
        assertEquals(Map.of(), minimal.headers());
        assertNull(minimal.body());
        assertFalse(minimal.base64Encoded());
        assertNull(minimal.pathId());
        assertNull(minimal.requestId());

        HttpRequest nulls = read(
                "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"requestContext\":{\"http\":null,"
                        + "\"requestId\":null},\"headers\":null,\"body\":null,\"pathParameters\":null,\"isBase64Encoded\":null}");
        assertEquals("$default", nulls.routeKey());
        assertEquals(Map.of(), nulls.headers());
        assertNull(nulls.body());
        assertNull(nulls.requestId());
    }

    @Test
    void headerNamesAreLowerCasedAndNamesThatDifferOnlyInCaseAreJoinedAsApiGatewayJoinsRepeatedHeaders()
            throws Exception {
        HttpRequest request = read("{\"version\":\"2.0\",\"routeKey\":\"GET /api/assessments\","
                + "\"headers\":{\"Accept\":\"application/json\",\"accept\":\"text/plain\",\"X-Multi\":\"a,b\"}}");
        assertEquals("application/json,text/plain", request.header("accept"));
        assertEquals("a,b", request.header("x-multi"));
    }

    @Test
    void aBase64BodyIsDecodedByTheRoutes() {
        APIGatewayV2HTTPEvent post = ApiEvents.post(token, CREATE_BODY);
        post.setBody(Base64.getEncoder().encodeToString(CREATE_BODY.getBytes(StandardCharsets.UTF_8)));
        post.setIsBase64Encoded(true);

        APIGatewayV2HTTPResponse created = send(post);

        assertEquals(201, created.getStatusCode(), created.getBody());
        assertEquals(
                "Acme Farming Cooperative",
                Responses.json(created).get("companyName").asText());
    }

    @Test
    void eventsThatAreNotPayload2EventsGetAMalformedEventProblemAndALogLine() {
        String put = "\"routeKey\":\"PUT /api/assessments/{id}\",\"pathParameters\":{\"id\":\"" + SAMPLE_ID + "\"}";
        Map<String, String> events = Map.of(
                "not JSON",
                "{\"version\":",
                "an array",
                "[1,2]",
                "empty",
                "",
                "payload format 1.0",
                "{\"version\":\"1.0\",\"httpMethod\":\"PUT\",\"path\":\"/api/assessments\"}",
                "no version",
                "{" + put + "}",
                "no route key",
                "{\"version\":\"2.0\",\"requestContext\":{\"http\":{\"method\":\"PUT\"}}}",
                "headers of numbers",
                "{\"version\":\"2.0\"," + put + ",\"headers\":{\"content-length\":12}}",
                "a body object",
                "{\"version\":\"2.0\"," + put + ",\"body\":{\"progress\":1}}",
                "isBase64Encoded a string",
                "{\"version\":\"2.0\"," + put + ",\"isBase64Encoded\":\"yes\"}",
                "duplicate keys",
                "{\"version\":\"2.0\",\"version\":\"2.0\"," + put + "}");
        ApiHandler handler = env.apiHandler();
        events.forEach((what, event) -> {
            int logged = LogCapture.lines().size();
            byte[] answer = LambdaInvocations.invoke(handler, event.getBytes(StandardCharsets.UTF_8), null);
            APIGatewayV2HTTPResponse response = LambdaInvocations.parse(answer, APIGatewayV2HTTPResponse.class);
            JsonNode problem = Responses.assertProblem(response, 400);
            assertEquals(
                    "urn:assessments-api:problem:malformed-event",
                    problem.get("type").asText(),
                    what);
            assertTrue(
                    problem.get("detail")
                            .asText()
                            .startsWith("The invocation event is not an API Gateway HTTP API event"),
                    what);
            String line = String.join(
                    "\n", LogCapture.lines().subList(logged, LogCapture.lines().size()));
            assertTrue(
                    line.contains("\"level\":\"WARN\"")
                            && line.contains("not an API Gateway HTTP API payload 2.0 event"),
                    what + ": " + line);
        });
    }

    @Test
    void aWrongFieldTypeIsNamed() {
        MalformedEventException e = assertThrows(
                MalformedEventException.class,
                () -> read(
                        "{\"version\":\"2.0\",\"routeKey\":\"GET /api/assessments\",\"headers\":{\"accept\":[\"a\"]}}"));
        assertEquals("'headers.accept' is not a string", e.getMessage());
    }

    @Test
    void theResponseIsWrittenInPayloadFormat2() throws Exception {
        HttpResponse response =
                HttpResponse.json(201, "application/json", "{\"id\":\"\\u00e9\"}", Map.of("Location", "/x"));

        JsonNode written = JSON.readTree(response.toJson());

        assertEquals(201, written.get("statusCode").asInt());
        assertEquals("/x", written.at("/headers/Location").asText());
        assertEquals("application/json", written.at("/headers/Content-Type").asText());
        assertEquals("{\"id\":\"\\u00e9\"}", written.get("body").asText());
        assertFalse(written.get("isBase64Encoded").asBoolean());
        assertEquals(List.of("statusCode", "headers", "body", "isBase64Encoded"), names(written));

        JsonNode notModified = JSON.readTree(HttpResponse.notModified("\"3\"").toJson());
        assertEquals(304, notModified.get("statusCode").asInt());
        assertFalse(notModified.has("body"), "no body at all on a 304");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
