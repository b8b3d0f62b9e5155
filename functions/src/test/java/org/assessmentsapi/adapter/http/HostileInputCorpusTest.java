package org.assessmentsapi.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.assessmentsapi.devkit.hostile.HostileRequest;
import org.assessmentsapi.devkit.hostile.HostileRequests;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.Responses;
import org.assessmentsapi.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * At least 5,000 generated hostile requests through the handler, against an assessment of the sender's
 * own: each one gets a 4xx problem with nothing internal in it, and afterwards the stored item is
 * attribute-for-attribute what it was and the table holds nothing else. Reproduce a failure with
 * {@code -Dhostile.seed=N} (and {@code -Dhostile.count=M} for a longer run).
 */
class HostileInputCorpusTest {

    static final long SEED = Long.getLong("hostile.seed", 20_260_304L);
    static final int COUNT = Integer.getInteger("hostile.count", 5_000);
    private static final String TABLE = "hostile-corpus";
    private static final int MAX_REPORTED = 20;
    private static final int CHECK_EVERY = 25;

    private final TestEnvironment env = TestEnvironment.get();

    @Test
    void everyHostileRequestIsRefusedWithAProblemAndChangesNothing() {
        var handler = env.handlerOnTable(TABLE);
        String token = env.issuer.token("auth0|corpus-" + UUID.randomUUID());
        APIGatewayV2HTTPResponse created =
                handler.handleRequest(ApiEvents.post(token, ApiTestSupport.CREATE_BODY), null);
        assertEquals(201, created.getStatusCode(), created.getBody());
        String id = Responses.json(created).get("id").asText();
        Map<String, AttributeValue> before = env.rawItem(TABLE, id);

        HostileRequests corpus = new HostileRequests(SEED, id);
        Map<String, Map<Integer, Integer>> statusesByKind = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < COUNT && failures.size() < MAX_REPORTED; i++) {
            HostileRequest request = corpus.next(i);
            APIGatewayV2HTTPResponse response = handler.handleRequest(ApiEvents.of(request, token), null);
            statusesByKind
                    .computeIfAbsent(request.kind(), k -> new TreeMap<>())
                    .merge(response.getStatusCode(), 1, Integer::sum);
            try {
                Responses.assertClientProblem(response);
            } catch (AssertionError e) {
                failures.add("#" + i + " " + request.describe() + ": " + e.getMessage());
            }
            // Any write bumps version and updatedAt, and no request puts them back: a periodic comparison
            // catches every write and names a window of CHECK_EVERY requests (reading after each would
            // cost a GetItem per request, most of this test's time).
            if ((i + 1) % CHECK_EVERY == 0 && !before.equals(env.rawItem(TABLE, id))) {
                failures.add("the stored item changed within requests #" + (i + 1 - CHECK_EVERY) + "..#" + i);
                break;
            }
        }
        System.out.println("hostile corpus: seed " + SEED + ", " + COUNT + " requests in "
                + (System.nanoTime() - started) / 1_000_000 + " ms, statuses by kind " + statusesByKind);
        assertTrue(failures.isEmpty(), "seed " + SEED + ":\n" + String.join("\n", failures));
        assertEquals(before, env.rawItem(TABLE, id), "the item is unchanged");
        assertEquals(1, env.itemCount(TABLE), "no request created an item");
        assertEquals(corpus.kinds().size(), statusesByKind.size(), "every category was sent");
    }
}
