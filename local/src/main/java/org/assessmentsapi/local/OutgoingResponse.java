package org.assessmentsapi.local;

import java.util.List;
import java.util.Map;

/** What goes back over HTTP: status, headers (each name with one or more values) and the body bytes. */
record OutgoingResponse(int status, Map<String, List<String>> headers, byte[] body) {}
