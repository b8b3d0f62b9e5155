package org.assessmentsapi.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records the name and request of every DynamoDB operation the client sends (each attempt counts once). */
public final class CallRecorder implements ExecutionInterceptor {

    private final List<String> operations = new CopyOnWriteArrayList<>();
    private final List<SdkRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        requests.add(context.request());
    }

    public List<String> operations() {
        return List.copyOf(operations);
    }

    /** The requests sent, in the order of {@link #operations()}. */
    public List<SdkRequest> requests() {
        return List.copyOf(requests);
    }

    public void clear() {
        operations.clear();
        requests.clear();
    }
}
