package org.assessmentsapi.adapter.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assessmentsapi.application.AssessmentRepository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ids of the last {@link #SLOTS} events applied to an assessment, kept on its item so that the
 * update's own condition refuses a redelivered event: no read before the write, no transaction.
 *
 * <p>They live in {@value #SLOTS} attributes {@code appliedEvent1} (newest) to {@code appliedEvent8}
 * (oldest), a shift register: each applied event is written to {@code appliedEvent1} while every slot takes
 * the previous value of the one before it. DynamoDB evaluates every SET operand against the item as it
 * was before the update, so the shift is exact in one {@code UpdateItem}. Why not a list or a set: a set
 * only grows, and a list cannot be appended to and trimmed in one expression (the paths {@code ids} and
 * {@code ids[8]} overlap, which DynamoDB refuses).
 *
 * <p>The bound and its trade-off: at most 8 ids of at most 128 characters (EventBridge ids are 36), about
 * 0.4 KB per item whatever its history. A redelivery is recognised as long as fewer than 8 other events
 * were applied to the same assessment in between; SQS redelivers within minutes (a visibility timeout),
 * far fewer events than that per assessment. API updates neither read nor move the slots.
 */
final class AppliedEvents {

    static final int SLOTS = AssessmentRepository.REMEMBERED_EVENTS;

    static final List<String> ATTRIBUTES =
            IntStream.rangeClosed(1, SLOTS).mapToObj(i -> "appliedEvent" + i).collect(Collectors.toUnmodifiableList());

    /** What a slot holds before it ever held an event id; no event id is empty. */
    private static final AttributeValue EMPTY_SLOT = AttributeValue.fromS("");

    private AppliedEvents() {}

    /**
     * Adds to the update the condition that {@code eventId} is in no slot, and the shift that records it.
     * A missing slot compares unequal (the condition holds on items that never received an event).
     */
    static void recordOnce(Expressions expression, String eventId) {
        String id = expression.value("eventId", AssessmentItems.string(eventId));
        expression.condition("NOT ("
                + ATTRIBUTES.stream()
                        .map(slot -> expression.name(slot) + " = " + id)
                        .collect(Collectors.joining(" OR "))
                + ")");
        expression.assign(expression.name(ATTRIBUTES.get(0)) + " = " + id);
        String empty = expression.value("emptySlot", EMPTY_SLOT);
        for (int i = 1; i < SLOTS; i++) {
            expression.assign(expression.name(ATTRIBUTES.get(i)) + " = if_not_exists("
                    + expression.name(ATTRIBUTES.get(i - 1)) + ", " + empty + ")");
        }
    }

    /** True when {@code item} records {@code eventId} as applied. */
    static boolean holds(Map<String, AttributeValue> item, String eventId) {
        return ATTRIBUTES.stream().map(item::get).anyMatch(value -> value != null && eventId.equals(value.s()));
    }
}
