package org.assessmentsapi.bootstrap;

import java.time.Clock;
import java.util.Map;
import org.assessmentsapi.adapter.http.ApiHandler;
import org.assessmentsapi.application.AssessmentRepository;

/**
 * SnapStart priming: before the snapshot is taken, runs the whole request path once so that the classes
 * and JIT state of a PUT are in the snapshot, and the first real request after a restore loads almost
 * nothing (measured by the bench module: see docs/benchmarks.md).
 *
 * <p>What it runs: the JSON of a PUT event built in-process, through the stream entry point (event reading and
 * response writing included) of a handler wired like the real one, on the same repository and DynamoDB client,
 * except its token verifier, whose only key is an RSA key made here for this priming ({@link SigningKey}). Then
 * a GET of the same id, a DELETE of it at {@link PrimingResource#IMPOSSIBLE_VERSION}, a list of the priming
 * subject's assessments and one with a cursor that fails its MAC, and the start-up rehearsal on the canned
 * DynamoDB for the success paths ({@link ApiFunction#rehearseOnCannedStore}).
 *
 * <p>Why it is safe:
 * <ul>
 *   <li>No data is written. The UpdateItem targets {@link PrimingResource#PRIMING_ID}, an id that no assessment has
 *   (created ids are random version-4 UUIDs, this one is a nil-based constant that {@code CreateAssessment}
 *   never produces), and its condition also requires {@code userId = }{@link #PRIMING_SUBJECT} and
 *   {@code version = }{@link PrimingResource#IMPOSSIBLE_VERSION}: even an item with that id could not match. The condition
 *   fails, DynamoDB writes nothing (it still counts one write request unit), and the handler answers 404
 *   after a consistent GetItem, which reads nothing. The DeleteItem has the same condition and deletes
 *   nothing. The list reads the priming subject's own partition; its answer is discarded.</li>
 *   <li>The priming key is never accepted for real requests: the real authenticator's keys come only from
 *   the issuer's JWKS; the priming key is in no key source of the real handler. Its private key is dropped
 *   when priming ends.</li>
 *   <li>Nothing is cached from priming: the update command and repository keep no state, and the priming
 *   handlers and their authenticators are discarded.</li>
 *   <li>A failure never breaks the snapshot: priming catches everything and logs it ({@link PrimingResource}).</li>
 * </ul>
 */
public final class ApiPriming extends PrimingResource {

    public static final String PRIMING_SUBJECT = "snapstart-priming";

    private final AppConfig config;
    private final AssessmentRepository repository;
    private final StartupTask successPaths;

    /** Primes the API over {@code repository} (the real handler's), then runs {@code successPaths}. */
    ApiPriming(AppConfig config, AssessmentRepository repository, StartupTask successPaths) {
        super("API function");
        this.config = config;
        this.repository = repository;
        this.successPaths = successPaths;
    }

    /**
     * Runs the request path once on the priming id; returns the statuses seen (e.g. "PUT 404, GET 404, DELETE 404,
     * LIST 200, LIST 400").
     */
    @Override
    protected String run() throws Exception {
        SigningKey key = SigningKey.rsa();
        ApiHandler handler = Wiring.api(config, repository, key.publishedAlone(), Clock.systemUTC());
        String token = key.token(config.jwt().orElseThrow(), PRIMING_SUBJECT);
        int put = Rehearsal.api(
                handler,
                "PUT",
                PRIMING_ID,
                token,
                "{\"name\":\"priming\",\"companyName\":\"priming\",\"companyType\":\"priming\",\"status\":\"ANALYZING\","
                        + "\"progress\":40,\"version\":" + IMPOSSIBLE_VERSION + "}");
        int get = Rehearsal.api(handler, "GET", PRIMING_ID, token, null);
        // DELETE at the impossible version: the condition fails (nothing deleted), the refusal is explained.
        int delete = Rehearsal.api(
                handler, "DELETE", PRIMING_ID, "", Map.of("if-match", "\"" + IMPOSSIBLE_VERSION + "\""), token, null);
        // The list: one Query of the priming subject's own (empty) partition, and a cursor that fails its MAC.
        int list = Rehearsal.api(handler, "GET", null, "limit=1&status=DRAFT", Map.of(), token, null);
        int forged = Rehearsal.api(handler, "GET", null, "limit=1&cursor=" + "A".repeat(76), Map.of(), token, null);
        successPaths.run();
        return "PUT " + put + ", GET " + get + ", DELETE " + delete + ", LIST " + list + ", LIST " + forged;
    }
}
