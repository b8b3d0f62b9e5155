package org.assessmentsapi.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import org.assessmentsapi.contract.ContractCheckedHandler;
import org.assessmentsapi.devkit.AssessmentsTable;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.CallRecorder;
import org.assessmentsapi.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** How many DynamoDB calls each outcome costs: one UpdateItem per successful PUT, a read only on failures. */
class RoundTripsTest extends ApiTestSupport {

    private final CallRecorder recorder = new CallRecorder();
    private ContractCheckedHandler counted;

    @BeforeEach
    void countingHandler() {
        DynamoDbClient client = env.clientWith(recorder);
        AssessmentsTable.createIfMissing(client, TestEnvironment.TABLE);
        counted = env.handlerWith(env.config, client);
        recorder.clear();
    }

    @Test
    void successfulPutIsExactlyOneUpdateItem() {
        String id = createAssessment();
        assertEquals(
                200,
                counted.handleRequest(ApiEvents.put(id, token, "{\"progress\":5,\"version\":1}"), null)
                        .getStatusCode());
        assertEquals(List.of("UpdateItem"), recorder.operations());
    }

    @Test
    void conflictReadsTheItemOnceWhereTheServerDoesNotReturnIt() {
        String id = createAssessment();
        assertEquals(
                409,
                counted.handleRequest(ApiEvents.put(id, token, "{\"progress\":5,\"version\":7}"), null)
                        .getStatusCode());
        // dynalite ignores ReturnValuesOnConditionCheckFailure, so one consistent GetItem explains the failure.
        assertEquals(List.of("UpdateItem", "GetItem"), recorder.operations());
    }

    @Test
    void rejectedRequestsNeverReachTheTable() {
        String id = createAssessment();
        assertEquals(
                400,
                counted.handleRequest(ApiEvents.put(id, token, "{\"progress\":500}"), null)
                        .getStatusCode());
        assertEquals(
                401,
                counted.handleRequest(ApiEvents.put(id, "bad", "{\"progress\":5}"), null)
                        .getStatusCode());
        assertEquals(
                400,
                counted.handleRequest(ApiEvents.put("x", token, "{\"progress\":5}"), null)
                        .getStatusCode());
        assertEquals(List.of(), recorder.operations());
    }

    @Test
    void getAndPostAreOneCallEach() {
        String id = createAssessment();
        assertEquals(200, counted.handleRequest(ApiEvents.get(id, token), null).getStatusCode());
        assertEquals(
                201,
                counted.handleRequest(ApiEvents.post(token, CREATE_BODY), null).getStatusCode());
        assertEquals(List.of("GetItem", "PutItem"), recorder.operations());
        assertEquals(
                404,
                counted.handleRequest(ApiEvents.get(UUID.randomUUID().toString(), token), null)
                        .getStatusCode());
    }
}
