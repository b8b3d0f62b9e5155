package org.assessmentsapi.infra;

import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;

/**
 * The DynamoDB table of the assessments (partition key {@code id}), its owner index and its {@code TableName} output.
 * A part of {@link AssessmentsStack}: its resources are created in the stack's own scope (the stack says why).
 *
 * <p>The owner index {@value #OWNER_INDEX} lists a user's assessments newest first (partition key {@code userId},
 * sort key {@code updatedAt}). It projects the API's fields and not the repository's internal attributes (the event
 * ids, the idempotency fingerprint): a smaller index to write and read. Its projection cannot be changed in place:
 * a new field of the API needs a new index (create it, switch the function, drop the old one).
 */
public final class AssessmentsTable {

    /** The index the list queries; the same name as the functions' and the devkit's. */
    public static final String OWNER_INDEX = "byOwnerUpdatedAt";
    /** Every field of an assessment that is a key of neither the table nor the index. */
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

    private final Table table;

    public AssessmentsTable(Stack stack, AssessmentsConfig config) {
        table = Table.Builder.create(stack, "AssessmentsTable")
                .partitionKey(Attribute.builder()
                        .name("id")
                        .type(AttributeType.STRING)
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .encryption(TableEncryption.AWS_MANAGED)
                .deletionProtection(!config.dev())
                .removalPolicy(config.removalPolicy())
                .build();
        table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(OWNER_INDEX)
                .partitionKey(Attribute.builder()
                        .name("userId")
                        .type(AttributeType.STRING)
                        .build())
                .sortKey(Attribute.builder()
                        .name("updatedAt")
                        .type(AttributeType.STRING)
                        .build())
                .projectionType(ProjectionType.INCLUDE)
                .nonKeyAttributes(OWNER_INDEX_PROJECTION)
                .build());

        CfnOutput.Builder.create(stack, "TableName")
                .description("DynamoDB table of the assessments")
                .value(table.getTableName())
                .build();
    }

    /** Lets {@code function}, and no other, call exactly {@code actions} on this table (and no index of it). */
    public void allow(SnapStartFunction function, List<String> actions) {
        function.allow(actions, List.of(table.getTableArn()));
    }

    /** Lets {@code function} call exactly {@code actions} on the owner index, and on nothing else of the table. */
    public void allowOnOwnerIndex(SnapStartFunction function, List<String> actions) {
        function.allow(actions, List.of(table.getTableArn() + "/index/" + OWNER_INDEX));
    }

    /** The {@code TABLE_NAME} of the functions. */
    public String tableName() {
        return table.getTableName();
    }

    public Table table() {
        return table;
    }
}
