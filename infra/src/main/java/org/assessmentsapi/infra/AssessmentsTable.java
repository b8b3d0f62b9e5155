package org.assessmentsapi.infra;

import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;

/**
 * The DynamoDB table of the assessments (partition key {@code id}) and its {@code TableName} output. A part of
 * {@link AssessmentsStack}: its resources are created in the stack's own scope (the stack says why).
 */
public final class AssessmentsTable {

  private final Table table;

  public AssessmentsTable(Stack stack, AssessmentsConfig config) {
    table = Table.Builder.create(stack, "AssessmentsTable")
        .partitionKey(Attribute.builder().name("id").type(AttributeType.STRING).build())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
            .pointInTimeRecoveryEnabled(true)
            .build())
        .encryption(TableEncryption.AWS_MANAGED)
        .deletionProtection(!config.dev())
        .removalPolicy(config.removalPolicy())
        .build();

    CfnOutput.Builder.create(stack, "TableName")
        .description("DynamoDB table of the assessments")
        .value(table.getTableName())
        .build();
  }

  /** Lets {@code function}, and no other, call exactly {@code actions} on this table (and no index of it). */
  public void allow(SnapStartFunction function, List<String> actions) {
    function.allow(actions, List.of(table.getTableArn()));
  }

  /** The {@code TABLE_NAME} of the functions. */
  public String tableName() {
    return table.getTableName();
  }

  public Table table() {
    return table;
  }
}
