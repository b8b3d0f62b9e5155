package org.assessmentsapi.local;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the local server received it, before it becomes an API Gateway event: the raw request
 * URI (still percent-encoded), header names as the client sent them, the body bytes.
 */
record IncomingRequest(
        String method,
        URI requestUri,
        String protocol,
        Map<String, List<String>> headers,
        InetSocketAddress remoteAddress,
        int localPort,
        byte[] body,
        Instant receivedAt) {}
