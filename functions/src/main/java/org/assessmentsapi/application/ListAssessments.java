package org.assessmentsapi.application;

import java.util.Optional;
import org.assessmentsapi.domain.Caller;

/**
 * Lists the caller's own assessments, newest {@code updatedAt} first, one store query per page. The cursor is
 * checked before the store is asked anything, and the query is always the caller's: no cursor can change whose
 * assessments are read.
 */
public final class ListAssessments {

    private final AssessmentRepository repository;
    private final PageCursors cursors;

    public ListAssessments(AssessmentRepository repository, PageCursors cursors) {
        this.repository = repository;
        this.cursors = cursors;
    }

    public ListOutcome execute(Caller.User caller, ListQuery query, Optional<String> cursor) {
        Optional<PagePosition> after = Optional.empty();
        if (cursor.isPresent()) {
            after = cursors.decode(cursor.get(), caller.userId(), query);
            if (after.isEmpty()) {
                return new ListOutcome.InvalidCursor();
            }
        }
        AssessmentPage page = repository.list(caller.userId(), query, after);
        return new ListOutcome.Page(
                page.items(), page.next().map(position -> cursors.encode(position, caller.userId(), query)));
    }
}
