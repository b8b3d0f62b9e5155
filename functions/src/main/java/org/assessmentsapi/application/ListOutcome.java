package org.assessmentsapi.application;

import java.util.List;
import java.util.Optional;
import org.assessmentsapi.domain.Assessment;

/** The result of listing the caller's assessments. */
public sealed interface ListOutcome {

    /** Up to {@code limit} items; {@code nextCursor} is empty only when the listing is complete. */
    record Page(List<Assessment> items, Optional<String> nextCursor) implements ListOutcome {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** The cursor was not issued by this service for this caller and this query (forged, altered or foreign). */
    record InvalidCursor() implements ListOutcome {}
}
