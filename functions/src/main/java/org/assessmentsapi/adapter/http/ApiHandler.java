package org.assessmentsapi.adapter.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assessmentsapi.adapter.auth.AuthResult;
import org.assessmentsapi.adapter.auth.JwtAuthenticator;
import org.assessmentsapi.adapter.lambda.MalformedEventException;
import org.assessmentsapi.adapter.logging.Invocation;
import org.assessmentsapi.adapter.logging.InvocationMetrics;
import org.assessmentsapi.adapter.logging.Log;
import org.assessmentsapi.adapter.logging.Metric;
import org.assessmentsapi.adapter.logging.MetricDimension;
import org.assessmentsapi.adapter.logging.Telemetry;
import org.assessmentsapi.application.StoreUnavailableException;
import org.assessmentsapi.bootstrap.ApiFunction;
import org.assessmentsapi.domain.Caller;

/**
 * The Lambda entry point of the HTTP API (every route of {@link Route}): takes the route API Gateway matched,
 * authenticates the bearer token, runs the route, and turns every failure into a problem response. A HEAD route
 * answers what its GET route answers, status and headers, without the body (RFC 9110 section 9.3.2). Nothing internal (stack
 * traces, SDK messages) reaches the client; the detail goes to the log with the request id.
 *
 * <p>A stream handler: it reads the API Gateway HTTP API event JSON itself ({@link HttpRequest#read}) and writes
 * the response JSON itself ({@link HttpResponse#writeTo}), so the Lambda runtime's POJO serializer never runs
 * (docs/events.md says why). An event that is not a payload 2.0 event is answered with a
 * {@code malformed-event} problem and logged.
 */
public final class ApiHandler implements RequestStreamHandler {

    static final String RETRY_AFTER_SECONDS = "1";

    private final JwtAuthenticator authenticator;
    private final AssessmentRoutes routes;
    private final Telemetry telemetry;

    /**
     * Used by the Lambda runtime, which creates the handler by its class name: the composition root builds it
     * from the environment, checked now rather than on a request, with its start-up warm-up and SnapStart
     * priming ({@link ApiFunction#fromEnvironment}).
     */
    public ApiHandler() {
        this(ApiFunction.fromEnvironment(System.getenv()));
    }

    private ApiHandler(ApiHandler wired) {
        this(wired.authenticator, wired.routes, wired.telemetry);
    }

    /**
     * @param telemetry the function's metrics writer and cold start: every request writes one summary line and one
     *                  metric document (docs/operations.md)
     */
    public ApiHandler(JwtAuthenticator authenticator, AssessmentRoutes routes, Telemetry telemetry) {
        this.authenticator = authenticator;
        this.routes = routes;
        this.telemetry = telemetry;
    }

    @Override
    public void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        try (Invocation invocation =
                Invocation.begin(context, telemetry.coldStart(), InvocationMetrics.api(telemetry.metrics()))) {
            Exchange exchange = new Exchange();
            HttpResponse answer = handle(event, context, invocation, exchange);
            if (exchange.head) {
                answer = answer.withoutBody();
            }
            summarize(invocation, exchange, answer.status());
            answer.writeTo(response);
        }
    }

    /** What the summary of a request needs besides its answer. */
    private static final class Exchange {
        /** The matched route's key, or {@value #UNMATCHED}: never the path, which holds an id. */
        String route = UNMATCHED;

        /** A HEAD route matched: whatever the answer, it goes without its body. */
        boolean head;

        boolean storeUnavailable;
    }

    static final String UNMATCHED = "unmatched";

    /** The request's one summary line and its metrics: route, status class, and what the status means. */
    private static void summarize(Invocation invocation, Exchange exchange, int status) {
        InvocationMetrics metrics = invocation.metrics();
        metrics.dimension(MetricDimension.ROUTE, exchange.route)
                .dimension(MetricDimension.STATUS_CLASS, MetricDimension.statusClass(status));
        metrics.add(Metric.REQUESTS, 1);
        metrics.add(Metric.VERSION_CONFLICT, status == 409 || status == 412 ? 1 : 0);
        metrics.add(Metric.VALIDATION_FAILED, status == 400 || status == 413 || status == 415 ? 1 : 0);
        metrics.add(Metric.UNAUTHORIZED, status == 401 ? 1 : 0);
        metrics.add(Metric.FORBIDDEN, status == 403 ? 1 : 0);
        metrics.add(Metric.STORE_UNAVAILABLE, exchange.storeUnavailable ? 1 : 0);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("route", exchange.route);
        fields.put("status", status);
        fields.put("duration_ms", invocation.elapsedMillis());
        Log.summary(status >= 500 ? Log.Level.WARN : Log.Level.INFO, "request", fields);
    }

    HttpResponse handle(InputStream event, Context context, Invocation invocation, Exchange exchange) {
        String requestId = context != null ? context.getAwsRequestId() : null;
        try {
            HttpRequest request = HttpRequest.read(event);
            invocation.apiRequestId(request.requestId());
            if (requestId == null) {
                requestId = request.requestId();
            }
            Route route = Route.of(request.routeKey());
            exchange.route = route.key();
            exchange.head = route.isHead();
            // Before the route reads the body or the store: a refusal writes nothing.
            AuthResult auth = authenticator.authenticate(request.header("authorization"), route.access());
            switch (auth) {
                case AuthResult.Authenticated authenticated -> {
                    return routes.handle(route, request, new Caller.User(authenticated.userId()));
                }
                case AuthResult.InsufficientScope(String needed) -> {
                    Log.info(requestId, "token lacks the scope " + needed + " of " + route.key());
                    return Problem.of(
                                    ProblemType.INSUFFICIENT_SCOPE,
                                    "Your token does not grant the scope this operation needs: " + needed + ".")
                            .withHeader(
                                    "WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"" + needed + "\"")
                            .toResponse();
                }
                case AuthResult.IssuerMisconfigured(String reason) -> {
                    // Not an outage: no Retry-After, since retrying cannot help until the settings are fixed.
                    Log.error(requestId, "token verification is misconfigured: " + reason, null);
                    return Problem.of(
                                    ProblemType.AUTH_MISCONFIGURED,
                                    "The API cannot verify tokens: its identity provider settings are wrong."
                                            + " Retrying will not help until its operator fixes them.")
                            .toResponse();
                }
                case AuthResult.IssuerUnavailable(String reason) -> {
                    Log.warn(requestId, "token issuer keys unavailable: " + reason);
                    return unavailable("The token issuer cannot be reached to verify your token; retry shortly.");
                }
                case AuthResult.Rejected(String reason) -> {
                    Log.info(requestId, "token rejected: " + reason);
                    return Problem.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required.")
                            .withHeader("WWW-Authenticate", "Bearer")
                            .toResponse();
                }
            }
        } catch (MalformedEventException e) {
            Log.warn(requestId, "not an API Gateway HTTP API payload 2.0 event: " + e.getMessage());
            return Problem.of(
                            ProblemType.MALFORMED_EVENT,
                            "The invocation event is not an API Gateway HTTP API event" + " of payload format 2.0: "
                                    + e.getMessage() + ".")
                    .toResponse();
        } catch (ProblemException e) {
            return e.problem().toResponse();
        } catch (StoreUnavailableException e) {
            exchange.storeUnavailable = true;
            Log.warn(requestId, e.getMessage());
            return unavailable("The service is busy or temporarily unavailable; retry shortly.");
        } catch (RuntimeException e) {
            Log.error(requestId, "unexpected failure", e);
            return Problem.of(
                            ProblemType.INTERNAL,
                            "An unexpected error occurred. Reference: " + (requestId == null ? "none" : requestId)
                                    + ".")
                    .toResponse();
        }
    }

    private static HttpResponse unavailable(String detail) {
        return Problem.of(ProblemType.UNAVAILABLE, detail)
                .withHeader("Retry-After", RETRY_AFTER_SECONDS)
                .toResponse();
    }
}
