package org.assessmentsapi.adapter.dynamodb;

import static org.assessmentsapi.adapter.dynamodb.Attributes.ID;
import static org.assessmentsapi.adapter.dynamodb.Attributes.IDEMPOTENCY_FINGERPRINT;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.assessmentsapi.application.AssessmentPage;
import org.assessmentsapi.application.AssessmentRepository;
import org.assessmentsapi.application.CreateOnceResult;
import org.assessmentsapi.application.DeleteOutcome;
import org.assessmentsapi.application.ListQuery;
import org.assessmentsapi.application.PagePosition;
import org.assessmentsapi.application.UpdateOutcome;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.Caller;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The assessments table, one item per assessment, keyed by {@code id}, and its owner index ({@link OwnerIndex}).
 * Every write is one conditional request; a refused one is explained from the old item DynamoDB returns with the
 * failure, or, where the server ignores that, from one consistent read ({@link #itemAsItWas}).
 */
public final class DynamoDbAssessmentRepository implements AssessmentRepository {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbAssessmentRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public UpdateOutcome update(String id, Caller caller, AssessmentUpdate update, Instant now) {
        String writeToken = WriteTokens.next();
        try {
            var response =
                    dynamoDb.updateItem(UpdateItemRequests.build(tableName, id, caller, update, now, writeToken));
            return new UpdateOutcome.Updated(AssessmentItems.fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException failed) {
            return whyNotApplied(itemAsItWas(id, failed), update, caller, writeToken);
        } catch (SdkException e) {
            throw StoreFailures.translate(e);
        }
    }

    @Override
    public boolean create(Assessment assessment) {
        return putIfAbsent(AssessmentItems.toItem(assessment)).isEmpty();
    }

    @Override
    public CreateOnceResult createOnce(Assessment assessment, String fingerprint) {
        Map<String, AttributeValue> item = new HashMap<>(AssessmentItems.toItem(assessment));
        item.put(IDEMPOTENCY_FINGERPRINT, AssessmentItems.string(fingerprint));
        Optional<Refused> refused = putIfAbsent(item);
        if (refused.isEmpty()) {
            return new CreateOnceResult.Created();
        }
        return refused.get()
                .old()
                .<CreateOnceResult>map(old -> new CreateOnceResult.Exists(
                        AssessmentItems.fromItem(old),
                        Optional.ofNullable(old.get(IDEMPOTENCY_FINGERPRINT)).map(AttributeValue::s)))
                .orElseGet(CreateOnceResult.Vanished::new);
    }

    /** A write refused by its condition; the item as it was ({@code old} is empty when it was deleted meanwhile). */
    private record Refused(Optional<Map<String, AttributeValue>> old) {}

    /** Writes {@code item} unless one with its id exists; empty when written. */
    private Optional<Refused> putIfAbsent(Map<String, AttributeValue> item) {
        try {
            dynamoDb.putItem(PutItemRequest.builder()
                    .tableName(tableName)
                    .item(item)
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", ID))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return Optional.empty();
        } catch (ConditionalCheckFailedException exists) {
            return Optional.of(new Refused(itemAsItWas(item.get(ID).s(), exists)));
        } catch (SdkException e) {
            throw StoreFailures.translate(e);
        }
    }

    @Override
    public AssessmentPage list(String userId, ListQuery query, Optional<PagePosition> after) {
        try {
            var response = dynamoDb.query(OwnerIndex.query(tableName, userId, query, after));
            return new AssessmentPage(
                    response.items().stream().map(AssessmentItems::fromItem).toList(),
                    OwnerIndex.position(response.lastEvaluatedKey()));
        } catch (SdkException e) {
            throw StoreFailures.translate(e);
        }
    }

    @Override
    public DeleteOutcome delete(String id, Caller caller, OptionalLong expectedVersion) {
        var expression = new Expressions();
        ItemConditions.existsAccessibleAt(expression, caller, expectedVersion);
        try {
            dynamoDb.deleteItem(DeleteItemRequest.builder()
                    .tableName(tableName)
                    .key(Map.of(ID, AssessmentItems.string(id)))
                    .conditionExpression(expression.conditionExpression())
                    .expressionAttributeNames(expression.names())
                    .expressionAttributeValues(expression.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return new DeleteOutcome.Deleted();
        } catch (ConditionalCheckFailedException failed) {
            return DeleteOutcome.notDeleted(itemAsItWas(id, failed).map(AssessmentItems::fromItem), caller);
        } catch (SdkException e) {
            throw StoreFailures.translate(e);
        }
    }

    @Override
    public Optional<Assessment> find(String id) {
        return rawItem(id).map(AssessmentItems::fromItem);
    }

    private Optional<Map<String, AttributeValue>> rawItem(String id) {
        try {
            var response = dynamoDb.getItem(GetItemRequest.builder()
                    .tableName(tableName)
                    .key(Map.of(ID, AssessmentItems.string(id)))
                    .consistentRead(true)
                    .build());
            return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
        } catch (SdkException e) {
            throw StoreFailures.translate(e);
        }
    }

    /**
     * DynamoDB hands back the old item with the failure (ReturnValuesOnConditionCheckFailure=ALL_OLD);
     * servers that ignore that parameter (dynalite) return none, so read it once, on this path only.
     */
    private Optional<Map<String, AttributeValue>> itemAsItWas(String id, ConditionalCheckFailedException failed) {
        Map<String, AttributeValue> old = failed.item();
        if (old != null && !old.isEmpty()) {
            return Optional.of(old);
        }
        return rawItem(id);
    }

    /**
     * The item last written by this very request (an SDK retry of an attempt that was applied) is its answer.
     * An event id the item already records explains the failure whatever else the condition checked (a
     * redelivered event also carries a now stale expected version): the event was applied before.
     */
    private static UpdateOutcome whyNotApplied(
            Optional<Map<String, AttributeValue>> old, AssessmentUpdate update, Caller caller, String writeToken) {
        if (old.isPresent() && WriteTokens.wrote(old.get(), writeToken)) {
            return new UpdateOutcome.Updated(AssessmentItems.fromItem(old.get()));
        }
        if (old.isPresent()
                && update.eventId()
                        .filter(eventId -> AppliedEvents.holds(old.get(), eventId))
                        .isPresent()) {
            return new UpdateOutcome.AlreadyApplied(AssessmentItems.fromItem(old.get()));
        }
        return UpdateOutcome.notApplied(old.map(AssessmentItems::fromItem), caller);
    }
}
