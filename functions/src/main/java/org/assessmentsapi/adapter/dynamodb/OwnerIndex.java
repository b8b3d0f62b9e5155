package org.assessmentsapi.adapter.dynamodb;

import static org.assessmentsapi.adapter.dynamodb.Attributes.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.assessmentsapi.application.ListQuery;
import org.assessmentsapi.application.PagePosition;
import org.assessmentsapi.domain.AssessmentStatus;
import org.assessmentsapi.domain.Timestamps;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The global secondary index that lists an owner's assessments: partition key {@code userId}, sort key
 * {@code updatedAt} (ISO-8601 UTC strings of one fixed width sort as the instants they name), projecting the
 * API's fields only (not the idempotency attributes: a smaller index to write and read). Items with the same
 * {@code updatedAt} are ordered by their table key {@code id}, which is part of every position, so a page resumes
 * exactly where the previous one stopped.
 *
 * <p>A page is one {@code Query}, {@code ScanIndexForward=false}, {@code Limit} = the page size. A status filter is
 * a {@code FilterExpression}: DynamoDB applies it after {@code Limit} and bills the items it drops, so each request
 * reads at most {@code limit} items whatever the filter (a bounded cost, one round trip), and a filtered page may
 * come back short or empty with a next position. The index is eventually consistent (no consistent reads on a GSI).
 */
final class OwnerIndex {

    static final String NAME = "byOwnerUpdatedAt";

    private OwnerIndex() {}

    static QueryRequest query(String tableName, String userId, ListQuery query, Optional<PagePosition> after) {
        Map<String, String> names = new HashMap<>(Map.of("#userId", USER_ID));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":userId", AssessmentItems.string(userId)));
        var request = QueryRequest.builder()
                .tableName(tableName)
                .indexName(NAME)
                .keyConditionExpression("#userId = :userId")
                .scanIndexForward(false)
                .limit(query.limit());
        if (query.filtersStatus()) {
            names.put("#status", STATUS);
            int i = 0;
            StringBuilder in = new StringBuilder();
            for (AssessmentStatus status : query.statuses().stream().sorted().toList()) {
                in.append(i == 0 ? "" : ", ").append(":status").append(i);
                values.put(":status" + i++, AssessmentItems.string(status.name()));
            }
            request.filterExpression("#status IN (" + in + ")");
        }
        // The owner in the start key is the caller's, never the cursor's: a position cannot leave this partition.
        after.ifPresent(position -> request.exclusiveStartKey(Map.of(
                ID, AssessmentItems.string(position.id()),
                USER_ID, AssessmentItems.string(userId),
                UPDATED_AT, AssessmentItems.string(Timestamps.format(position.updatedAt())))));
        return request.expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    /** The position of a {@code LastEvaluatedKey}; empty when the store reports none (the listing is complete). */
    static Optional<PagePosition> position(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PagePosition(
                Timestamps.parse(lastEvaluatedKey.get(UPDATED_AT).s()),
                lastEvaluatedKey.get(ID).s()));
    }
}
