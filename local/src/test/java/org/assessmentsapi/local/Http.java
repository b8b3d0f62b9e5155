package org.assessmentsapi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP calls to a running local API. */
final class Http {

    static final String CREATE_BODY = LocalApi.SAMPLE_CREATE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body) {
        return send(method, path, token, contentType, body, java.util.Map.of());
    }

    /** The same with extra request headers. */
    HttpResponse<String> send(
            String method,
            String path,
            String token,
            String contentType,
            byte[] body,
            java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> json(String method, String path, String token, String body) {
        return send(
                method, path, token, "application/json", body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** Creates an assessment and returns its id. */
    String create(String token) {
        HttpResponse<String> created = json("POST", "/api/assessments", token, CREATE_BODY);
        assertEquals(201, created.statusCode(), created.body());
        return read(created).get("id").asText();
    }

    static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An RFC 9457 problem with this status and nothing internal in it. */
    static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = read(response);
        assertEquals(status, problem.get("status").asInt());
        assertFalse(problem.get("detail").asText().isEmpty());
        assertFalse(response.body().contains("Exception"));
        return problem;
    }
}
