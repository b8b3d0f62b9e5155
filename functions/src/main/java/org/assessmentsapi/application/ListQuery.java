package org.assessmentsapi.application;

import java.util.EnumSet;
import java.util.Set;
import org.assessmentsapi.domain.AssessmentStatus;

/**
 * Which of the caller's assessments to list: those with one of {@code statuses} (empty: every status) and at most
 * {@code limit} per page. The set is normalised so that equal queries are equal: all four statuses are no filter.
 */
public record ListQuery(Set<AssessmentStatus> statuses, int limit) {

    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public ListQuery {
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be " + MIN_LIMIT + ".." + MAX_LIMIT + ", got " + limit);
        }
        EnumSet<AssessmentStatus> normalized =
                statuses.isEmpty() ? EnumSet.noneOf(AssessmentStatus.class) : EnumSet.copyOf(statuses);
        statuses = normalized.size() == AssessmentStatus.values().length ? Set.of() : Set.copyOf(normalized);
    }

    /** True when only some statuses are wanted (the store filters, and pages may come back short). */
    public boolean filtersStatus() {
        return !statuses.isEmpty();
    }
}
