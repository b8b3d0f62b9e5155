package org.assessmentsapi.devkit;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The assessments table for local runs and tests: the same key schema as the CDK stack (partition key {@code id},
 * S) and the same owner index ({@value #OWNER_INDEX}: partition key {@code userId}, sort key {@code updatedAt}, the
 * API's other fields projected, not the repository's internal attributes).
 */
public final class AssessmentsTable {

    public static final String OWNER_INDEX = "byOwnerUpdatedAt";
    /** Every field of an assessment that is not a key of the table or of the index. */
    public static final List<String> OWNER_INDEX_PROJECTION = List.of(
            "name",
            "companyName",
            "companyType",
            "country",
            "status",
            "intakeMode",
            "progress",
            "version",
            "overallRiskScore",
            "overallRiskLevel",
            "createdAt");

    private AssessmentsTable() {}

    /** A client for a local DynamoDB-protocol endpoint (dynalite accepts any credentials). */
    public static DynamoDbClient localClient(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Creates the table unless it exists, and waits until it is active. */
    public static void createIfMissing(DynamoDbClient dynamoDb, String tableName) {
        try {
            dynamoDb.createTable(b -> b.tableName(tableName)
                    .keySchema(key("id", KeyType.HASH))
                    .attributeDefinitions(string("id"), string("userId"), string("updatedAt"))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                            .indexName(OWNER_INDEX)
                            .keySchema(key("userId", KeyType.HASH), key("updatedAt", KeyType.RANGE))
                            .projection(Projection.builder()
                                    .projectionType(ProjectionType.INCLUDE)
                                    .nonKeyAttributes(OWNER_INDEX_PROJECTION)
                                    .build())
                            .build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        } catch (ResourceInUseException exists) {
            // created earlier: nothing to do
        }
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(tableName));
    }

    private static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }

    private static AttributeDefinition string(String attribute) {
        return AttributeDefinition.builder()
                .attributeName(attribute)
                .attributeType(ScalarAttributeType.S)
                .build();
    }
}
