package org.assessmentsapi.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.assessmentsapi.devkit.hostile.ValidUpdates;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Generated valid updates, checked against a model of the item: after each one, exactly the provided
 * fields have their new values, the version is one more, {@code updatedAt} moves forward and every other
 * attribute is untouched (but the repository's internal write token, which changes every time). Numbers are compared by value (50, 50.0 and 5E+1 are the same progress).
 */
class ValidUpdateModelTest extends ApiTestSupport {

    static final int UPDATES = Integer.getInteger("model.updates", 300);

    @Test
    void everyValidUpdateChangesExactlyTheProvidedFieldsAndBumpsTheVersion() {
        String id = createAssessment();
        Map<String, Object> model = modelOf(rawItem(id));
        ValidUpdates updates = new ValidUpdates(HostileInputCorpusTest.SEED);
        for (int i = 0; i < UPDATES; i++) {
            BigDecimal version = (BigDecimal) model.get("version");
            ValidUpdates.ValidUpdate update = updates.next(version.longValueExact());
            APIGatewayV2HTTPResponse response = put(id, update.body());
            assertEquals(
                    200,
                    response.getStatusCode(),
                    () -> "seed " + HostileInputCorpusTest.SEED + ", update " + response.getBody());

            Instant previousUpdate = Instant.parse((String) model.get("updatedAt"));
            update.sets().forEach((field, value) -> model.put(field, byValue(value)));
            model.put("version", byValue(version.add(BigDecimal.ONE)));
            Map<String, Object> stored = modelOf(rawItem(id));
            Instant updatedAt = Instant.parse((String) stored.get("updatedAt"));
            assertTrue(!updatedAt.isBefore(previousUpdate), "updatedAt never goes back");
            model.put("updatedAt", stored.get("updatedAt"));
            // The internal write token of the repository's retry check: a fresh one on every update.
            assertTrue(!stored.get("lastWrite").equals(model.get("lastWrite")), "a new write token");
            model.put("lastWrite", stored.get("lastWrite"));
            assertEquals(model, stored, "update #" + i + ": " + update.body());
        }
    }

    /** The item's attributes as strings and numbers, numbers in one spelling so that equal values compare equal. */
    private static Map<String, Object> modelOf(Map<String, AttributeValue> item) {
        Map<String, Object> values = new HashMap<>();
        item.forEach(
                (name, value) -> values.put(name, value.n() != null ? byValue(new BigDecimal(value.n())) : value.s()));
        return values;
    }

    private static Object byValue(Object value) {
        return value instanceof BigDecimal number ? number.stripTrailingZeros() : value;
    }
}
