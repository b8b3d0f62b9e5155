package org.assessmentsapi.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.UUID;
import org.assessmentsapi.application.AssessmentRepository;
import org.assessmentsapi.application.AssessmentRepositoryContract;
import org.assessmentsapi.application.StoreUnavailableException;
import org.assessmentsapi.bootstrap.AppConfig;
import org.assessmentsapi.bootstrap.DynamoDbClients;
import org.assessmentsapi.support.FakeDynamoDb;
import org.assessmentsapi.support.TestEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The DynamoDB repository keeps the repository contract, on a real table (dynalite over HTTP); an outage is a
 * loopback server that answers every call with DynamoDB's 500 (what dynalite cannot do on demand).
 */
class DynamoDbAssessmentRepositoryTest extends AssessmentRepositoryContract {

    private final TestEnvironment env = TestEnvironment.get();
    private final AssessmentRepository repository =
            new DynamoDbAssessmentRepository(env.dynamoDb, TestEnvironment.TABLE);
    private FakeDynamoDb outage;
    private DynamoDbClient outageClient;

    @Override
    protected AssessmentRepository repository() {
        return repository;
    }

    @Override
    protected AssessmentRepository unavailableRepository() {
        outage = FakeDynamoDb.failingWith(500, "InternalServerError");
        outageClient = clientOf(outage.endpoint().toString(), TestEnvironment.TABLE);
        return new DynamoDbAssessmentRepository(outageClient, TestEnvironment.TABLE);
    }

    /** Only transient failures are retryable: a missing table is a deployment error and propagates as it is. */
    @Test
    void aMissingTableIsNoOutage() {
        String table = "missing-" + UUID.randomUUID();
        try (DynamoDbClient client = clientOf(env.dynalite.endpoint().toString(), table)) {
            var error = assertThrows(
                    RuntimeException.class,
                    () -> new DynamoDbAssessmentRepository(client, table)
                            .find(UUID.randomUUID().toString()));
            assertFalse(error instanceof StoreUnavailableException, error.toString());
            assertInstanceOf(ResourceNotFoundException.class, error);
        }
    }

    @AfterEach
    void closeOutage() {
        if (outage != null) {
            outageClient.close();
            outage.close();
        }
    }

    /** The client as the function builds it (retry policy and timeouts included), at another endpoint or table. */
    private DynamoDbClient clientOf(String endpoint, String table) {
        AppConfig config = env.configFor(endpoint, table);
        return DynamoDbClients.create(config, Map.of());
    }
}
