package org.assessmentsapi.adapter.events;

/**
 * What the handler uses of one record of an SQS event: the id that the batch response names, the body, and
 * {@code attributes.ApproximateReceiveCount} for the log (null when absent).
 */
record SqsMessage(String messageId, String body, String receiveCount) {}
