package org.assessmentsapi.application;

import java.util.Optional;

/**
 * The list's cursors: a {@link PagePosition} as the opaque {@code cursor} of the list answer and back, bound to the
 * caller and the query. Only a cursor issued for the same caller and query decodes; any other (another user's,
 * another filter or limit, altered in any character) is refused.
 */
public interface PageCursors {

    String encode(PagePosition position, String userId, ListQuery query);

    /** The position, or empty when {@code cursor} was not issued for this caller and query. */
    Optional<PagePosition> decode(String cursor, String userId, ListQuery query);
}
