package org.assessmentsapi.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;

/**
 * The client example of README.md, compiled and run by AssessmentsClientTest: read the assessment,
 * apply a change to what was read, send it with the version read; on 409, read again and re-apply.
 */
public final class AssessmentsClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI baseUrl;
    private final String token;

    public AssessmentsClient(URI baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Applies {@code change} to the latest version of the assessment, retrying on conflicts. */
    public JsonNode update(String id, Consumer<ObjectNode> change, int maxAttempts)
            throws IOException, InterruptedException {
        URI uri = baseUrl.resolve("/api/assessments/" + id);
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            JsonNode current = send(HttpRequest.newBuilder(uri).GET(), 200); // 1. fetch
            ObjectNode body = JSON.createObjectNode();
            change.accept(body); // 2. change
            body.put("version", current.get("version").asLong()); // 3. submit with version
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                return JSON.readTree(answer.body());
            }
            if (answer.statusCode() != 409) { // 4. 409: refresh, re-apply
                throw new IOException("update failed: " + answer.statusCode() + " " + answer.body());
            }
        }
        throw new IOException("still conflicting after " + maxAttempts + " attempts");
    }

    private JsonNode send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IOException("unexpected " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }
}
