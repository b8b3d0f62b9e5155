package org.assessmentsapi.adapter.dynamodb;

import org.assessmentsapi.application.StoreUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Tells transient store failures (the SDK already retried them within its bounded policy) from the
 * unexpected: the former become {@link StoreUnavailableException} (HTTP 503, or an SQS retry).
 */
final class StoreFailures {

    private StoreFailures() {}

    static RuntimeException translate(SdkException e) {
        if (isTransient(e)) {
            return new StoreUnavailableException("DynamoDB is unavailable: " + e.getMessage(), e);
        }
        return e;
    }

    static boolean isTransient(SdkException e) {
        if (e instanceof SdkClientException) {
            return true; // connection refused or reset, timeouts: nothing reached the table
        }
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return false;
    }
}
