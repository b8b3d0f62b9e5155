package org.assessmentsapi.bootstrap;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.assessmentsapi.domain.Timestamps;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * A canned DynamoDB, in process: an HTTP client that answers every request with a 200 holding one assessment
 * in {@code Attributes} (a Query: in {@code Items}, a page of one), so that the SDK's marshalling, signing, pipeline and unmarshalling and the item mapping
 * run without any network call and without touching data. The start-up warm-up and the SnapStart primings run
 * a function's success path over it; the benchmark's {@code overhead} part times the handler's own CPU work on
 * it, with no network to drown it. It never serves requests.
 */
public final class CannedDynamoDb implements SdkHttpClient {

    private final byte[] body;
    private final byte[] page;

    /** Every answer holds the assessment {@code id} of {@code userId}, at version 2. */
    public CannedDynamoDb(String id, String userId) {
        String now = Timestamps.format(Instant.now());
        String item = "{\"id\":{\"S\":\"" + id + "\"},\"name\":{\"S\":\"warm-up\"},"
                + "\"companyName\":{\"S\":\"warm-up\"},\"status\":{\"S\":\"ANALYZING\"},\"intakeMode\":{\"S\":\"MANUAL_ENTRY\"},"
                + "\"progress\":{\"N\":\"40\"},\"version\":{\"N\":\"2\"},\"userId\":{\"S\":\"" + userId + "\"},"
                + "\"createdAt\":{\"S\":\"" + now + "\"},\"updatedAt\":{\"S\":\"" + now + "\"}}";
        body = ("{\"Attributes\":" + item + "}").getBytes(StandardCharsets.UTF_8);
        page = ("{\"Items\":[" + item + "],\"Count\":1,\"ScannedCount\":1}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        request.contentStreamProvider().ifPresent(provider -> {
            try (var in = provider.newStream()) {
                in.transferTo(java.io.OutputStream.nullOutputStream()); // as a real client would send it
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        boolean query = request.httpRequest()
                .firstMatchingHeader("X-Amz-Target")
                .filter(t -> t.endsWith(".Query"))
                .isPresent();
        byte[] answer = query ? page : body;
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder()
                                .statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("Content-Length", Integer.toString(answer.length))
                                .putHeader("x-amzn-RequestId", "canned")
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
                        .build();
            }

            @Override
            public void abort() {}
        };
    }

    @Override
    public String clientName() {
        return "CannedDynamoDb";
    }

    @Override
    public void close() {}
}
