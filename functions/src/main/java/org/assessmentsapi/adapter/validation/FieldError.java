package org.assessmentsapi.adapter.validation;

/** One problem with a request: the JSON field it concerns ({@code null} for the body as a whole) and why. */
public record FieldError(String field, String message) {}
