package org.assessmentsapi.support;

import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A stand-in for what dynalite cannot do: DynamoDB's {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}, the old
 * item carried by the {@link ConditionalCheckFailedException}. It reads the item with another client (outside the
 * calls of the client under test) and attaches it, so a test can see which calls the repository makes on a server
 * that honours the parameter. For tests without concurrent writers to the item: the read follows the failure.
 */
public final class AllOldOnFailedCondition implements ExecutionInterceptor {

    private final DynamoDbClient reader;
    private final String table;

    public AllOldOnFailedCondition(DynamoDbClient reader, String table) {
        this.reader = reader;
        this.table = table;
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (!(context.exception() instanceof ConditionalCheckFailedException failed)
                || !asksForTheOldItem(context.request())) {
            return context.exception();
        }
        Map<String, AttributeValue> key = key(context.request());
        Map<String, AttributeValue> old = reader.getItem(
                        b -> b.tableName(table).key(key).consistentRead(true))
                .item();
        return failed.toBuilder().item(old.isEmpty() ? null : old).build();
    }

    private static boolean asksForTheOldItem(SdkRequest request) {
        ReturnValuesOnConditionCheckFailure asked = request instanceof PutItemRequest put
                ? put.returnValuesOnConditionCheckFailure()
                : request instanceof DeleteItemRequest delete
                        ? delete.returnValuesOnConditionCheckFailure()
                        : request instanceof UpdateItemRequest update
                                ? update.returnValuesOnConditionCheckFailure()
                                : null;
        return asked == ReturnValuesOnConditionCheckFailure.ALL_OLD;
    }

    private static Map<String, AttributeValue> key(SdkRequest request) {
        if (request instanceof PutItemRequest put) {
            return Map.of("id", put.item().get("id"));
        }
        return request instanceof DeleteItemRequest delete ? delete.key() : ((UpdateItemRequest) request).key();
    }
}
