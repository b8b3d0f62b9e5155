package org.assessmentsapi.adapter.http;

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
 * An in-process stand-in for DynamoDB, used by the start-up warm-up: every request gets a 200 with one
 * assessment in {@code Attributes}, so the SDK's marshalling, signing, pipeline and unmarshalling and our
 * mapping run once, in a second thread, without any network call and without touching data.
 * Public for one other user, the benchmark's {@code overhead} part: it times the handler's own CPU work per
 * request with no network to drown it (never used to serve requests).
 */
public final class WarmUpHttpClient implements SdkHttpClient {

    private final byte[] body;

    public WarmUpHttpClient(String id, String userId) {
        String now = Timestamps.format(Instant.now());
        body = ("{\"Attributes\":{\"id\":{\"S\":\"" + id + "\"},\"name\":{\"S\":\"warm-up\"},"
                + "\"companyName\":{\"S\":\"warm-up\"},\"status\":{\"S\":\"ANALYZING\"},\"intakeMode\":{\"S\":\"MANUAL_ENTRY\"},"
                + "\"progress\":{\"N\":\"40\"},\"version\":{\"N\":\"2\"},\"userId\":{\"S\":\"" + userId + "\"},"
                + "\"createdAt\":{\"S\":\"" + now + "\"},\"updatedAt\":{\"S\":\"" + now + "\"}}}")
                .getBytes(StandardCharsets.UTF_8);
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
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder()
                                .statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("Content-Length", Integer.toString(body.length))
                                .putHeader("x-amzn-RequestId", "startup-warm-up")
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public String clientName() {
        return "StartupStub";
    }

    @Override
    public void close() {
    }
}
