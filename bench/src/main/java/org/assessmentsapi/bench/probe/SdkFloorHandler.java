package org.assessmentsapi.bench.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The floor of the cold-start ratio for any function that answers with one DynamoDB write through the SDK: a
 * stream handler (so the runtime maps nothing) whose constructor builds the bare client of {@link ClientProbe}
 * over the CRT HTTP client, and whose invocation does one conditional UpdateItem of the item named in the event's
 * path and answers a constant. No token, no validation, no JSON beyond finding the id, no warm-up. Runs from
 * probe-crt.jar under the runtime interface client like the functions (benchmark part {@code cold}).
 */
public final class SdkFloorHandler implements RequestStreamHandler {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final DynamoDbClient dynamoDb = ClientProbe.dynamoDb(
            ClientProbe.httpClient("crt"),
            URI.create(System.getenv("DYNAMODB_ENDPOINT")),
            ClientOverrideConfiguration.builder().build());
    private final String table = System.getenv("TABLE_NAME");

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Matcher id = ID.matcher(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        if (!id.find()) {
            throw new IllegalArgumentException("no assessment id in the event");
        }
        dynamoDb.updateItem(ClientProbe.request(table, id.group(1)));
        output.write("{\"statusCode\":200,\"body\":\"{}\"}".getBytes(StandardCharsets.UTF_8));
    }
}
