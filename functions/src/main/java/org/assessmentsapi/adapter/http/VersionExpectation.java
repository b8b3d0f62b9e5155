package org.assessmentsapi.adapter.http;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The version a PUT or DELETE expects the stored assessment to have, and where the client said so: the body's
 * {@code version} field (PUT only) or the {@code If-Match} header. Both feed the same conditional write; they
 * differ only in how a mismatch is reported, and {@link #mismatch} is the one place that decides it:
 * 409 for the body field (the documented optimistic-locking answer), 412 for If-Match (what HTTP
 * clients and caches expect of a failed precondition).
 */
record VersionExpectation(long version, Source source) {

    enum Source {
        BODY,
        IF_MATCH
    }

    /**
     * Combines the body's version with the If-Match header. If-Match is compared strongly (RFC 9110
     * section 13.1.1): a weak tag, or one that names no version, can never match, so the answer is 412
     * at once, without a write. {@code *} asks only that the assessment exist, which every update
     * already requires. A list of several tags is refused: an update expects one version.
     */
    static Optional<VersionExpectation> of(OptionalLong bodyVersion, String ifMatch, String ifNoneMatch) {
        if (ifNoneMatch != null) {
            throw new ProblemException(Problem.of(
                    ProblemType.INVALID_PRECONDITION,
                    "If-None-Match is not supported on PUT: an update never creates an assessment. Use If-Match."));
        }
        return ofIfMatch(bodyVersion, ifMatch);
    }

    /** The expectation of a DELETE: If-Match only, by the same rules as a PUT's. */
    static Optional<VersionExpectation> forDelete(String ifMatch, String ifNoneMatch) {
        if (ifNoneMatch != null) {
            throw new ProblemException(Problem.of(
                    ProblemType.INVALID_PRECONDITION, "If-None-Match is not supported on DELETE. Use If-Match."));
        }
        return ofIfMatch(OptionalLong.empty(), ifMatch);
    }

    private static Optional<VersionExpectation> ofIfMatch(OptionalLong bodyVersion, String ifMatch) {
        Optional<VersionExpectation> fromBody = bodyVersion.isPresent()
                ? Optional.of(new VersionExpectation(bodyVersion.getAsLong(), Source.BODY))
                : Optional.empty();
        if (ifMatch == null) {
            return fromBody;
        }
        EntityTags.Condition condition = EntityTags.parse("If-Match", ifMatch);
        if (condition.any()) {
            return fromBody;
        }
        if (condition.tags().size() > 1) {
            throw new ProblemException(Problem.of(
                    ProblemType.INVALID_PRECONDITION, "If-Match must name one version, such as \"3\", or be *."));
        }
        long version = EntityTags.versionOf(condition.tags().get(0));
        if (version < 0) {
            throw new ProblemException(Problem.preconditionFailed(null));
        }
        if (bodyVersion.isPresent() && bodyVersion.getAsLong() != version) {
            throw new ProblemException(Problem.of(
                    ProblemType.INVALID_PRECONDITION,
                    "If-Match names version " + version + " but the body's version is " + bodyVersion.getAsLong()
                            + "; send one of them, or the same version in both."));
        }
        return Optional.of(new VersionExpectation(version, Source.IF_MATCH));
    }

    /** The answer when the stored assessment is at {@code currentVersion} instead. */
    Problem mismatch(long currentVersion) {
        return source == Source.IF_MATCH
                ? Problem.preconditionFailed(currentVersion)
                : Problem.versionConflict(currentVersion);
    }
}
