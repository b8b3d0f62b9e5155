package org.assessmentsapi.adapter.dynamodb;

import static org.assessmentsapi.adapter.dynamodb.Attributes.ID;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.assessmentsapi.application.AssessmentRepository;
import org.assessmentsapi.application.UpdateOutcome;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.Caller;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** The assessments table, one item per assessment, keyed by {@code id}. */
public final class DynamoDbAssessmentRepository implements AssessmentRepository {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbAssessmentRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public UpdateOutcome update(String id, Caller caller, AssessmentUpdate update, Instant now) {
        try {
            var response = dynamoDb.updateItem(UpdateItemRequests.build(tableName, id, caller, update, now));
            return new UpdateOutcome.Updated(AssessmentItems.fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException failed) {
            return whyNotApplied(itemAsItWas(id, failed), update, caller);
        } catch (SdkException e) {
            throw StoreFailures.translate(e);
        }
    }

    @Override
    public boolean create(Assessment assessment) {
        try {
            dynamoDb.putItem(PutItemRequest.builder()
                    .tableName(tableName)
                    .item(AssessmentItems.toItem(assessment))
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", ID))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
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
     * An event id the item already records explains the failure whatever else the condition checked (a
     * redelivered event also carries a now stale expected version): the event was applied before.
     */
    private static UpdateOutcome whyNotApplied(Optional<Map<String, AttributeValue>> old, AssessmentUpdate update, Caller caller) {
        if (old.isPresent() && update.eventId().filter(eventId -> AppliedEvents.holds(old.get(), eventId)).isPresent()) {
            return new UpdateOutcome.AlreadyApplied(AssessmentItems.fromItem(old.get()));
        }
        return UpdateOutcome.notApplied(old.map(AssessmentItems::fromItem), caller);
    }
}
