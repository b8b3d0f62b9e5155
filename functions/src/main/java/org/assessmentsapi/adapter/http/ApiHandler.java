package org.assessmentsapi.adapter.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.assessmentsapi.adapter.lambda.MalformedEventException;
import org.assessmentsapi.application.StoreUnavailableException;
import org.assessmentsapi.adapter.auth.AuthResult;
import org.assessmentsapi.adapter.auth.JwtAuthenticator;
import org.assessmentsapi.bootstrap.ApiFunction;
import org.assessmentsapi.domain.Caller;
import org.assessmentsapi.adapter.logging.Log;

/**
 * The Lambda entry point of the HTTP API (all three routes): matches the route, authenticates the bearer
 * token, runs the route, and turns every failure into a problem response. Nothing internal (stack
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

    /**
     * Used by the Lambda runtime, which creates the handler by its class name: the composition root builds it
     * from the environment, checked now rather than on a request, with its start-up warm-up and SnapStart
     * priming ({@link ApiFunction#fromEnvironment}).
     */
    public ApiHandler() {
        this(ApiFunction.fromEnvironment(System.getenv()));
    }

    private ApiHandler(ApiHandler wired) {
        this(wired.authenticator, wired.routes);
    }

    public ApiHandler(JwtAuthenticator authenticator, AssessmentRoutes routes) {
        this.authenticator = authenticator;
        this.routes = routes;
    }

    @Override
    public void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        handle(event, context).writeTo(response);
    }

    HttpResponse handle(InputStream event, Context context) {
        String requestId = context != null ? context.getAwsRequestId() : null;
        try {
            HttpRequest request = HttpRequest.read(event);
            if (requestId == null) {
                requestId = request.requestId();
            }
            Route route = Route.match(request);
            AuthResult auth = authenticator.authenticate(request.header("authorization"));
            if (auth instanceof AuthResult.Authenticated user) {
                return routes.handle(route, request, new Caller.User(user.userId()));
            }
            if (auth instanceof AuthResult.IssuerUnavailable unavailable) {
                Log.warn(requestId, "token issuer keys unavailable: " + unavailable.reason());
                return unavailable("The token issuer cannot be reached to verify your token; retry shortly.");
            }
            Log.info(requestId, "token rejected: " + ((AuthResult.Rejected) auth).reason());
            return Problem.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required.")
                    .withHeader("WWW-Authenticate", "Bearer")
                    .toResponse();
        } catch (MalformedEventException e) {
            Log.warn(requestId, "not an API Gateway HTTP API payload 2.0 event: " + e.getMessage());
            return Problem.of(ProblemType.MALFORMED_EVENT, "The invocation event is not an API Gateway HTTP API event"
                    + " of payload format 2.0: " + e.getMessage() + ".").toResponse();
        } catch (ProblemException e) {
            return e.problem().toResponse();
        } catch (StoreUnavailableException e) {
            Log.warn(requestId, e.getMessage());
            return unavailable("The service is busy or temporarily unavailable; retry shortly.");
        } catch (RuntimeException e) {
            Log.error(requestId, "unexpected failure", e);
            return Problem.of(ProblemType.INTERNAL, "An unexpected error occurred. Reference: "
                    + (requestId == null ? "none" : requestId) + ".").toResponse();
        }
    }

    private static HttpResponse unavailable(String detail) {
        return Problem.of(ProblemType.UNAVAILABLE, detail).withHeader("Retry-After", RETRY_AFTER_SECONDS).toResponse();
    }
}
