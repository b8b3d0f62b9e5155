package org.assessmentsapi.bench.probe;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.assessmentsapi.bench.probe.timing.ProbeTimer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A bare DynamoDB client with one HTTP client (the only one in its probe jar), for the client choice:
 * {@code cold} builds it and does one conditional UpdateItem in a fresh JVM; {@code warm} then measures
 * per-call latency. Usage: {@code java -jar probe-CLIENT.jar CLIENT cold|warm ENDPOINT TABLE ID [N]}.
 */
public final class ClientProbe {

    private ClientProbe() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        String client = args[0];
        boolean warm = args[1].equals("warm");
        URI endpoint = URI.create(args[2]);
        String table = args[3];
        String id = args[4];
        DynamoDbClient dynamoDb = dynamoDb(
                httpClient(client),
                endpoint,
                ClientOverrideConfiguration.builder().build());
        dynamoDb.updateItem(request(table, id));
        int n = args.length > 5 ? Integer.parseInt(args[5]) : 3000;
        ProbeTimer.reportAndHalt(start, warm, n, () -> dynamoDb.updateItem(request(table, id)));
    }

    /** The bare client of the comparison: explicit region, static credentials, endpoint override, one HTTP client. */
    static DynamoDbClient dynamoDb(SdkHttpClient httpClient, URI endpoint, ClientOverrideConfiguration override) {
        return DynamoDbClient.builder()
                .httpClient(httpClient)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .endpointOverride(endpoint)
                .overrideConfiguration(override)
                .build();
    }

    static UpdateItemRequest request(String table, String id) {
        return UpdateItemRequest.builder()
                .tableName(table)
                .key(Map.of("id", AttributeValue.builder().s(id).build()))
                .updateExpression("SET #progress = :progress, #version = #version + :one")
                .conditionExpression("attribute_exists(#id)")
                .expressionAttributeNames(Map.of("#id", "id", "#progress", "progress", "#version", "version"))
                .expressionAttributeValues(Map.of(
                        ":progress",
                        AttributeValue.builder().n("40").build(),
                        ":one",
                        AttributeValue.builder().n("1").build()))
                .returnValues(ReturnValue.ALL_NEW)
                .build();
    }

    /** The client of this probe jar, with the timeouts of the function's DynamoDbClients. */
    static SdkHttpClient httpClient(String name) {
        return switch (name) {
            case "url" -> UrlConnection.create();
            case "apache5" -> Apache5.create();
            case "crt" -> Crt.create();
            default -> throw new IllegalArgumentException("unknown client " + name);
        };
    }

    // One class per client, so that only the client in the probe jar is ever loaded.
    private static final class UrlConnection {
        static SdkHttpClient create() {
            return software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(1))
                    .socketTimeout(Duration.ofSeconds(2))
                    .build();
        }
    }

    private static final class Apache5 {
        static SdkHttpClient create() {
            return software.amazon.awssdk.http.apache5.Apache5HttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(1))
                    .socketTimeout(Duration.ofSeconds(2))
                    .build();
        }
    }

    private static final class Crt {
        static SdkHttpClient create() {
            return software.amazon.awssdk.http.crt.AwsCrtHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(1))
                    .build();
        }
    }
}
