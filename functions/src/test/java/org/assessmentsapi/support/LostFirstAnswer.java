package org.assessmentsapi.support;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A stand-in for a fault dynalite cannot produce on demand: the answer to the first {@code UpdateItem} is lost
 * after the server applied it (as with a reset connection or an attempt timeout), so the SDK retries the same
 * request. Every later attempt is left alone.
 */
public final class LostFirstAnswer implements ExecutionInterceptor {

    private final AtomicBoolean lost = new AtomicBoolean();

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof UpdateItemRequest && lost.compareAndSet(false, true)) {
            throw SdkClientException.create("the answer was lost", new IOException("connection reset"));
        }
    }

    public boolean happened() {
        return lost.get();
    }
}
