package org.assessmentsapi.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class TableTemplateTest {

    private static Synth.Result synth;

    @BeforeAll
    static void synthesize() {
        synth = Synth.production();
    }

    @Test
    void oneTableKeyedByStringIdBilledPerRequest() {
        synth.template().resourceCountIs("AWS::DynamoDB::Table", 1);
        synth.template()
                .hasResourceProperties(
                        "AWS::DynamoDB::Table",
                        Map.of(
                                "BillingMode", "PAY_PER_REQUEST",
                                "KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH")),
                                "AttributeDefinitions",
                                        List.of(
                                                Map.of("AttributeName", "id", "AttributeType", "S"),
                                                Map.of("AttributeName", "userId", "AttributeType", "S"),
                                                Map.of("AttributeName", "updatedAt", "AttributeType", "S")),
                                // Pay per request: no capacity to provision.
                                "ProvisionedThroughput", Match.absent()));
    }

    /**
     * The index as the devkit creates it for local runs and for the functions' tests against dynalite: the same name,
     * keys and projection (the API's fields, not appliedEvent1..8 nor idempotencyFingerprint, the repository's own),
     * so that what passes against the devkit's table holds on AWS. infra and devkit cannot share the constants (infra
     * would pull the AWS SDK, devkit the CDK): this is the check that they agree.
     */
    @Test
    void theOwnerIndexIsTheDevkitsListingByUserNewestFirstWithTheApiFieldsOnly() {
        synth.template()
                .hasResourceProperties(
                        "AWS::DynamoDB::Table",
                        Map.of(
                                "GlobalSecondaryIndexes",
                                List.of(Map.of(
                                        "IndexName", org.assessmentsapi.devkit.AssessmentsTable.OWNER_INDEX,
                                        "KeySchema",
                                                List.of(
                                                        Map.of("AttributeName", "userId", "KeyType", "HASH"),
                                                        Map.of("AttributeName", "updatedAt", "KeyType", "RANGE")),
                                        "Projection",
                                                Map.of(
                                                        "ProjectionType",
                                                        "INCLUDE",
                                                        "NonKeyAttributes",
                                                        org.assessmentsapi.devkit.AssessmentsTable
                                                                .OWNER_INDEX_PROJECTION)))));
    }

    @Test
    void pointInTimeRecoveryAndAwsManagedEncryption() {
        synth.template()
                .hasResourceProperties(
                        "AWS::DynamoDB::Table",
                        Map.of(
                                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                                // SSEEnabled without a key: KMS with the AWS-managed key aws/dynamodb (not the
                                // AWS-owned default).
                                "SSESpecification", Match.objectEquals(Map.of("SSEEnabled", true))));
    }

    @Test
    void productionTableIsProtectedAndRetained() {
        Map<String, Object> table = synth.only("AWS::DynamoDB::Table").getValue();
        assertEquals("Retain", table.get("DeletionPolicy"));
        assertEquals("Retain", table.get("UpdateReplacePolicy"));
        synth.template().hasResourceProperties("AWS::DynamoDB::Table", Map.of("DeletionProtectionEnabled", true));
    }
}
