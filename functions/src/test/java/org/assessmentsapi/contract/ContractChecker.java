package org.assessmentsapi.contract;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Holds one exchange (request event and handler response) to docs/openapi.yaml and lists every way
 * the response departs from it: an undocumented status, a missing required header or one whose value
 * breaks its schema, an undocumented content type, a body that breaks its schema, a body where none is
 * documented. A request the API accepted (2xx) must also fit the documented request body schema, so
 * the document cannot be stricter than the code. The operation is the one of the event's {@code routeKey}, the
 * route API Gateway matched (methods case-sensitive); a route key the document does not list ({@code $default},
 * {@code put /api/assessments/{id}}) may only answer a plain 404 problem.
 */
public final class ContractChecker {

    private static final String PLAIN_PROBLEM = "/components/schemas/PlainProblem";

    private final OpenApiDocument document;

    public ContractChecker(OpenApiDocument document) {
        this.document = document;
    }

    public List<String> violations(APIGatewayV2HTTPEvent request, APIGatewayV2HTTPResponse response) {
        String method = request.getRequestContext() == null
                        || request.getRequestContext().getHttp() == null
                ? ""
                : request.getRequestContext().getHttp().getMethod();
        String path = request.getRawPath() == null ? "" : request.getRawPath();
        String status = String.valueOf(response.getStatusCode());
        List<String> problems = new ArrayList<>();
        String where = method + " " + path + " -> " + status + ": ";

        String[] routeKey = (request.getRouteKey() == null ? "" : request.getRouteKey()).split(" ", 2);
        boolean upperCase = routeKey[0].equals(routeKey[0].toUpperCase(Locale.ROOT));
        Optional<String> template = routeKey.length == 2
                        && upperCase
                        && document.node(OpenApiDocument.pointer("paths", routeKey[1]))
                                .isObject()
                ? Optional.of(routeKey[1])
                : Optional.empty();
        Optional<JsonNode> operation = template.flatMap(t -> document.operation(routeKey[0], t));
        if (operation.isEmpty()) {
            if (!status.equals("404")) {
                problems.add(where + "an undocumented route may only answer 404");
            }
            checkBody(where, response, "application/problem+json", PLAIN_PROBLEM, problems);
            return problems;
        }
        String operationPointer =
                OpenApiDocument.pointer("paths", template.get(), routeKey[0].toLowerCase(Locale.ROOT));
        if (!document.node(operationPointer + "/responses").has(status)) {
            problems.add(where + "status " + status + " is not documented for " + routeKey[0] + " " + template.get());
            return problems;
        }
        String responsePointer = document.resolve(operationPointer + OpenApiDocument.pointer("responses", status));
        checkHeaders(where, response, responsePointer, problems);
        checkContent(where, response, responsePointer, problems);
        if (response.getStatusCode() / 100 == 2) {
            checkRequestBody(where, request, operationPointer, problems);
        }
        return problems;
    }

    private void checkHeaders(
            String where, APIGatewayV2HTTPResponse response, String responsePointer, List<String> problems) {
        JsonNode headers = document.node(responsePointer + "/headers");
        for (Iterator<String> names = headers.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String headerPointer = document.resolve(responsePointer + OpenApiDocument.pointer("headers", name));
            Optional<String> value = header(response, name);
            if (value.isEmpty()) {
                if (document.node(headerPointer).path("required").asBoolean(false)) {
                    problems.add(where + "required header " + name + " is missing");
                }
                continue;
            }
            for (String error : document.validate(headerPointer + "/schema", TextNode.valueOf(value.get()))) {
                problems.add(where + "header " + name + ": " + error);
            }
        }
    }

    private void checkContent(
            String where, APIGatewayV2HTTPResponse response, String responsePointer, List<String> problems) {
        JsonNode content = document.node(responsePointer + "/content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (response.getBody() != null && !response.getBody().isEmpty()) {
                problems.add(where + "a body where the document says there is none");
            }
            return;
        }
        String contentType = header(response, "Content-Type").orElse("");
        if (!content.has(contentType)) {
            problems.add(where + "content type '" + contentType + "' is not documented");
            return;
        }
        checkBody(
                where,
                response,
                contentType,
                responsePointer + OpenApiDocument.pointer("content", contentType, "schema"),
                problems);
    }

    private void checkBody(
            String where,
            APIGatewayV2HTTPResponse response,
            String expectedType,
            String schemaPointer,
            List<String> problems) {
        String contentType = header(response, "Content-Type").orElse("");
        if (!contentType.equals(expectedType)) {
            problems.add(where + "content type '" + contentType + "', expected " + expectedType);
        }
        try {
            JsonNode body = OpenApiDocument.parseJson(response.getBody() == null ? "" : response.getBody());
            for (String error : document.validate(schemaPointer, body)) {
                problems.add(where + "body: " + error);
            }
        } catch (IOException | RuntimeException e) {
            problems.add(where + "body is not JSON: " + e.getMessage());
        }
    }

    private void checkRequestBody(
            String where, APIGatewayV2HTTPEvent request, String operationPointer, List<String> problems) {
        JsonNode requestBody = document.node(operationPointer + "/requestBody");
        if (requestBody.isMissingNode()) {
            return;
        }
        String schemaPointer = document.resolve(operationPointer + "/requestBody")
                + OpenApiDocument.pointer("content", "application/json", "schema");
        try {
            // The body the API read: API Gateway base64-encodes bodies that are not text.
            String text = request.getIsBase64Encoded()
                    ? new String(
                            java.util.Base64.getDecoder().decode(request.getBody()),
                            java.nio.charset.StandardCharsets.UTF_8)
                    : request.getBody();
            JsonNode body = OpenApiDocument.parseJson(text);
            for (String error : document.validate(schemaPointer, body)) {
                problems.add(where + "the API accepted a request body that the document forbids: " + error);
            }
        } catch (IOException | RuntimeException e) {
            problems.add(where + "the API accepted a request body that is not JSON");
        }
    }

    private static Optional<String> header(APIGatewayV2HTTPResponse response, String name) {
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
