package org.assessmentsapi.adapter.validation;

import java.util.Optional;
import org.assessmentsapi.application.ListQuery;

/** A validated list request: the query and, when the client continues a listing, its cursor (not yet verified). */
public record ListRequest(ListQuery query, Optional<String> cursor) {}
