package org.assessmentsapi.application;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.assessmentsapi.domain.Assessment;

/**
 * One page of an owner's assessments, newest {@code updatedAt} first, and where the next page starts. A present
 * {@code next} means "the store stopped here", not "more items exist": the next page may be empty.
 */
public record AssessmentPage(List<Assessment> items, Optional<PagePosition> next) {

    public AssessmentPage {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
