package org.assessmentsapi.bench.minimal.sdksigner;

import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The middle option of docs/benchmarks.md: the request is still sent by hand, but signed by the SDK's own
 * Signature Version 4 signer ({@code http-auth-aws}), so that no signing code of ours would exist. Only in
 * {@code probe-signer.jar}.
 */
public final class SdkSigning {

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private SdkSigning() {}

    public static void sign(
            HttpURLConnection connection,
            URI endpoint,
            String target,
            byte[] body,
            String region,
            String accessKey,
            String secretKey) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", target)
                .build();
        SignedRequest signed = SIGNER.sign(r -> r.identity(AwsCredentialsIdentity.create(accessKey, secretKey))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            // HttpURLConnection sets Host and Content-Length itself (and refuses them), with the same values.
            if (!header.getKey().equalsIgnoreCase("Host") && !header.getKey().equalsIgnoreCase("Content-Length")) {
                connection.setRequestProperty(header.getKey(), header.getValue().get(0));
            }
        }
    }
}
