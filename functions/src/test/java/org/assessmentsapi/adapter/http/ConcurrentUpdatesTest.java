package org.assessmentsapi.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assessmentsapi.devkit.NameCounters;
import org.assessmentsapi.support.ApiEvents;
import org.assessmentsapi.support.Responses;
import org.junit.jupiter.api.Test;

/**
 * Optimistic locking under contention, through one handler shared by many threads (as the local runner
 * shares it): same-version writers produce exactly one winner, and read-modify-write clients that retry
 * on 409 lose no update.
 */
class ConcurrentUpdatesTest extends ApiTestSupport {

    static final int RACERS = 64;
    static final int CLIENTS = 8;
    static final int CYCLES = 200;
    /** Far above what the runs need (~10 s here); only there so that a bug cannot make the test hang. */
    private static final long DEADLINE_SECONDS = 240;

    @Test
    void sameVersionWritersGetExactlyOneSuccessAndTheRestConflicts() throws Exception {
        String id = createAssessment();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<APIGatewayV2HTTPResponse>> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            int progress = i;
            racers.add(() -> {
                start.await();
                return put(id, "{\"progress\":" + progress + ",\"version\":1}");
            });
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
            racers.forEach(racer -> answers.add(pool.submit(racer)));
            start.countDown();
            for (Future<APIGatewayV2HTTPResponse> answer : answers) {
                APIGatewayV2HTTPResponse response = answer.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
                statuses.merge(response.getStatusCode(), 1, Integer::sum);
                if (response.getStatusCode() == 409) {
                    assertEquals(
                            2,
                            Responses.assertProblem(response, 409)
                                    .get("currentVersion")
                                    .asInt());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("64 same-version PUTs: " + statuses);
        assertEquals(Map.of(200, 1, 409, RACERS - 1), statuses);
        assertEquals("2", rawItem(id).get("version").n());
    }

    @Test
    void readModifyWriteClientsRetryingOnConflictLoseNoUpdate() throws Exception {
        APIGatewayV2HTTPResponse created =
                send(ApiEvents.post(token, CREATE_BODY.replace("Q1 supplier review", NameCounters.initial(CLIENTS))));
        assertEquals(201, created.getStatusCode(), created.getBody());
        String id = Responses.json(created).get("id").asText();
        long startVersion = Long.parseLong(rawItem(id).get("version").n());

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> conflicts = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int client = 0; client < CLIENTS; client++) {
                int slot = client;
                conflicts.add(pool.submit(() -> incrementTimes(id, slot, CYCLES)));
            }
            int totalConflicts = 0;
            for (Future<Integer> future : conflicts) {
                totalConflicts += future.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
            }
            System.out.printf(
                    "%d clients x %d read-modify-write cycles: %d conflicts retried, %d ms%n",
                    CLIENTS, CYCLES, totalConflicts, (System.nanoTime() - started) / 1_000_000);
        } finally {
            pool.shutdownNow();
        }
        var item = rawItem(id);
        assertEquals(
                String.valueOf(startVersion + (long) CLIENTS * CYCLES),
                item.get("version").n());
        for (int slot = 0; slot < CLIENTS; slot++) {
            assertEquals(CYCLES, NameCounters.read(item.get("name").s(), slot), "counter of client " + slot);
        }
    }

    /** One client: GET, increment its own counter in the name, PUT with the version read; retry on 409. */
    private int incrementTimes(String id, int slot, int times) {
        int conflicts = 0;
        for (int done = 0; done < times; ) {
            var current = Responses.json(send(ApiEvents.get(id, token)));
            String name = NameCounters.increment(current.get("name").asText(), slot);
            APIGatewayV2HTTPResponse response = put(
                    id,
                    Responses.body(
                            "name", name, "version", current.get("version").asLong()));
            if (response.getStatusCode() == 200) {
                done++;
            } else {
                assertEquals(409, response.getStatusCode(), response.getBody());
                conflicts++;
            }
        }
        return conflicts;
    }
}
