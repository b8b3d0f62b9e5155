package org.assessmentsapi.adapter.auth;

/** What an operation does with the caller's data: the scope it needs follows from it ({@link RequiredScopes}). */
public enum Access {
    /** GET and HEAD, the list included. */
    READ,
    /** PUT, POST, DELETE. */
    WRITE
}
