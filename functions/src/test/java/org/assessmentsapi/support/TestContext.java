package org.assessmentsapi.support;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;

/**
 * A Lambda context as the runtime interface client builds one for an invocation: a request id, a trace header
 * ({@code Root=...;Parent=...;Sampled=1}, or none), and all the time in the world.
 */
public record TestContext(String awsRequestId, String xrayTraceId) implements Context {

    public static final String TRACE_ROOT = "1-5759e988-bd862e3fe1be46a994272793";
    public static final String TRACE_HEADER = "Root=" + TRACE_ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1";

    /** An invocation with this request id and a sampled trace. */
    public static TestContext of(String awsRequestId) {
        return new TestContext(awsRequestId, TRACE_HEADER);
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getXrayTraceId() {
        return xrayTraceId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/test";
    }

    @Override
    public String getLogStreamName() {
        return "2026/12/01/[1]test";
    }

    @Override
    public String getFunctionName() {
        return "test";
    }

    @Override
    public String getFunctionVersion() {
        return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:test:live";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 600_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return LambdaRuntime.getLogger();
    }
}
