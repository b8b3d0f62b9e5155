package org.assessmentsapi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assessmentsapi.devkit.NameCounters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The handler tests' concurrency proofs again, over real HTTP on loopback through the local runner. */
class ConcurrentHttpTest {

    static final int RACERS = 64;
    static final int CLIENTS = 8;
    static final int CYCLES = 200;
    /** Only there so that a bug cannot hang the build; the runs take seconds. */
    private static final long DEADLINE_SECONDS = 240;

    private static RunningLocalApi local;

    @BeforeAll
    static void start() {
        local = new RunningLocalApi("concurrency-" + System.nanoTime());
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void sameVersionWritersOverHttpGetExactlyOneSuccess() throws Exception {
        String id = local.http.create(local.token);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        Map<Integer, Integer> statuses = new TreeMap<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int progress = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return local.http
                            .json(
                                    "PUT",
                                    "/api/assessments/" + id,
                                    local.token,
                                    "{\"progress\":" + progress + ",\"version\":1}")
                            .statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(DEADLINE_SECONDS, TimeUnit.SECONDS), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("64 same-version PUTs over HTTP: " + statuses);
        assertEquals(Map.of(200, 1, 409, RACERS - 1), statuses);
        assertEquals(
                2,
                Http.read(local.http.json("GET", "/api/assessments/" + id, local.token, null))
                        .get("version")
                        .asInt());
    }

    @Test
    void readModifyWriteClientsOverHttpLoseNoUpdate() throws Exception {
        String id = Http.read(local.http.json(
                        "POST",
                        "/api/assessments",
                        local.token,
                        Http.CREATE_BODY.replace("Q1 supplier review", NameCounters.initial(CLIENTS))))
                .get("id")
                .asText();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        int conflicts = 0;
        long started = System.nanoTime();
        try {
            List<Future<Integer>> clients = new ArrayList<>();
            for (int slot = 0; slot < CLIENTS; slot++) {
                int mine = slot;
                clients.add(pool.submit(() -> incrementTimes(id, mine)));
            }
            for (Future<Integer> client : clients) {
                conflicts += client.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(
                "%d clients x %d read-modify-write cycles over HTTP: %d conflicts retried, %d ms%n",
                CLIENTS, CYCLES, conflicts, (System.nanoTime() - started) / 1_000_000);
        var item = Http.read(local.http.json("GET", "/api/assessments/" + id, local.token, null));
        assertEquals(1 + CLIENTS * CYCLES, item.get("version").asInt());
        for (int slot = 0; slot < CLIENTS; slot++) {
            assertEquals(CYCLES, NameCounters.read(item.get("name").asText(), slot), "counter of client " + slot);
        }
    }

    private static int incrementTimes(String id, int slot) {
        int conflicts = 0;
        for (int done = 0; done < CYCLES; ) {
            var current = Http.read(local.http.json("GET", "/api/assessments/" + id, local.token, null));
            String body =
                    "{\"name\":\"" + NameCounters.increment(current.get("name").asText(), slot) + "\",\"version\":"
                            + current.get("version").asLong() + "}";
            HttpResponse<String> response = local.http.json("PUT", "/api/assessments/" + id, local.token, body);
            if (response.statusCode() == 200) {
                done++;
            } else {
                assertEquals(409, response.statusCode(), response.body());
                conflicts++;
            }
        }
        return conflicts;
    }
}
