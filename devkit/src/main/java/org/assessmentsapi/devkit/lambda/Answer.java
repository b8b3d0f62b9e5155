package org.assessmentsapi.devkit.lambda;

/**
 * What a function posted to the Runtime API: its response ({@code error} false), or an error report of an
 * invocation or of the initialization ({@code error} true, {@code errorType} from the
 * {@code Lambda-Runtime-Function-Error-Type} header, e.g. {@code Runtime.UserException}, and a JSON body
 * {@code {"errorMessage":...,"errorType":...,"stackTrace":[...]}}).
 *
 * @param requestId the invocation's request id; null for an initialization error
 */
public record Answer(String requestId, boolean error, String errorType, String body) {}
