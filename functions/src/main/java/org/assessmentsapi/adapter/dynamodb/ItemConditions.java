package org.assessmentsapi.adapter.dynamodb;

import static org.assessmentsapi.adapter.dynamodb.Attributes.*;

import java.math.BigDecimal;
import java.util.OptionalLong;
import org.assessmentsapi.domain.Caller;

/** The condition every change of an existing item carries (update and delete alike). */
final class ItemConditions {

    private ItemConditions() {}

    /** The item exists, belongs to {@code caller} (users only) and, when given, is at {@code expectedVersion}. */
    static void existsAccessibleAt(Expressions expression, Caller caller, OptionalLong expectedVersion) {
        expression.condition("attribute_exists(" + expression.name(ID) + ")");
        switch (caller) {
            case Caller.User(String userId) ->
                expression.condition(
                        expression.name(USER_ID) + " = " + expression.value("caller", AssessmentItems.string(userId)));
            case Caller.InternalService _ -> {
                // An internal service may change any assessment: no ownership condition.
            }
        }
        expectedVersion.ifPresent(expected -> expression.condition(expression.name(VERSION) + " = "
                + expression.value("expectedVersion", AssessmentItems.number(BigDecimal.valueOf(expected)))));
    }
}
