package org.assessmentsapi.adapter.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Entity tags (RFC 9110 section 8.8.3) as this API uses them: an assessment's tag is its version in
 * quotes, {@code "4"}, so a client can send back what it read without parsing the body. Parses the
 * field values of If-Match and If-None-Match; bad syntax is a 400, since guessing what a malformed
 * condition meant could overwrite someone else's change.
 */
final class EntityTags {

    /** A version: a positive decimal, no leading zero; compiled once (If-Match comes with many PUTs). */
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");

    /** One parsed tag; {@code opaque} is the text between the quotes. */
    record Tag(boolean weak, String opaque) {}

    /** A parsed field value: {@code *} (any current representation), or a list of tags. */
    record Condition(boolean any, List<Tag> tags) {
        Condition {
            tags = List.copyOf(tags);
        }
    }

    private EntityTags() {}

    /** The strong tag of a version. */
    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version a strong tag names, or -1 when it names none (a version is a positive decimal, no leading zero). */
    static long versionOf(Tag tag) {
        String opaque = tag.opaque();
        if (tag.weak() || !VERSION.matcher(opaque).matches()) {
            return -1;
        }
        return Long.parseLong(opaque);
    }

    /**
     * If-None-Match's weak comparison (RFC 9110 section 13.1.2): {@code W/"3"} matches version 3 as
     * {@code "3"} does, and {@code *} matches any existing assessment.
     */
    static boolean matchesWeakly(Condition condition, long version) {
        String opaque = String.valueOf(version);
        return condition.any()
                || condition.tags().stream().anyMatch(tag -> tag.opaque().equals(opaque));
    }

    /** Parses {@code "*" / #entity-tag}; {@code headerName} is only used in the problem detail. */
    static Condition parse(String headerName, String value) {
        String text = value.strip();
        if (text.equals("*")) {
            return new Condition(true, List.of());
        }
        List<Tag> tags = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++; // list separators and empty list elements, which RFC 9110 section 5.6.1 says to accept
                continue;
            }
            boolean weak = text.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            if (open >= text.length() || text.charAt(open) != '"') {
                throw invalid(headerName);
            }
            int close = open + 1;
            while (close < text.length() && isEtagChar(text.charAt(close))) {
                close++;
            }
            if (close >= text.length() || text.charAt(close) != '"') {
                throw invalid(headerName);
            }
            tags.add(new Tag(weak, text.substring(open + 1, close)));
            i = close + 1;
            // After a tag only whitespace and then a comma (or the end) may follow.
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i < text.length() && text.charAt(i) != ',') {
                throw invalid(headerName);
            }
        }
        if (tags.isEmpty()) {
            throw invalid(headerName);
        }
        return new Condition(false, tags);
    }

    /** etagc = %x21 / %x23-7E / obs-text: visible characters but the double quote. */
    private static boolean isEtagChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }

    private static ProblemException invalid(String headerName) {
        return new ProblemException(Problem.of(
                ProblemType.INVALID_PRECONDITION,
                "The " + headerName + " header must be * or entity tags such as \"3\" (with the quotes)."));
    }
}
