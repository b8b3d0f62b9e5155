package org.assessmentsapi.adapter.events;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assessmentsapi.application.AssessmentRepository;
import org.assessmentsapi.application.CreateAssessment;
import org.assessmentsapi.bootstrap.AppConfig;
import org.assessmentsapi.bootstrap.Wiring;
import org.assessmentsapi.domain.Caller;
import org.assessmentsapi.domain.IntakeMode;
import org.assessmentsapi.domain.NewAssessment;
import org.assessmentsapi.support.LambdaInvocations;
import org.assessmentsapi.support.TestEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Shared steps of the event handler tests: the events function wired as on Lambda, without JWT settings. */
abstract class EventsTestSupport {

    final TestEnvironment env = TestEnvironment.get();
    final String user = "auth0|" + UUID.randomUUID();
    final AssessmentEventsHandler handler = handlerWith(env.dynamoDb);

    /** The handler as its Lambda builds it: the events configuration (no JWT variables) over this client. */
    AssessmentEventsHandler handlerWith(DynamoDbClient client) {
        return Wiring.events(eventsConfig(TestEnvironment.TABLE), client, Clock.systemUTC());
    }

    /** The events function's configuration, as on Lambda, for this table of the shared dynalite. */
    AppConfig eventsConfig(String table) {
        return AppConfig.forEvents(Map.of(
                "TABLE_NAME",
                table,
                "DYNAMODB_ENDPOINT",
                env.dynalite.endpoint().toString()));
    }

    String createAssessment() {
        return createAssessment(env.repository);
    }

    /** A new assessment of {@link #user}, created through the create command on {@code repository}. */
    String createAssessment(AssessmentRepository repository) {
        return new CreateAssessment(repository, Clock.systemUTC(), UUID::randomUUID)
                .execute(
                        new NewAssessment(
                                "Q1 supplier review",
                                "Acme Farming Cooperative",
                                "Cooperative",
                                "FR",
                                IntakeMode.UPLOAD),
                        new Caller.User(user))
                .id();
    }

    Map<String, AttributeValue> rawItem(String id) {
        return env.dynamoDb
                .getItem(b -> b.tableName(TestEnvironment.TABLE)
                        .key(Map.of("id", AttributeValue.fromS(id)))
                        .consistentRead(true))
                .item();
    }

    String version(String id) {
        return rawItem(id).get("version").n();
    }

    /** Invokes the handler with this event, as Lambda does ({@link LambdaInvocations}). */
    static SQSBatchResponse send(AssessmentEventsHandler handler, SQSEvent event) {
        return LambdaInvocations.invoke(handler, event, null);
    }

    static Set<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .collect(Collectors.toSet());
    }

    static Set<String> ids(SQSEvent.SQSMessage... messages) {
        return java.util.Arrays.stream(messages)
                .map(SQSEvent.SQSMessage::getMessageId)
                .collect(Collectors.toSet());
    }

    static String newEventId() {
        return UUID.randomUUID().toString();
    }
}
