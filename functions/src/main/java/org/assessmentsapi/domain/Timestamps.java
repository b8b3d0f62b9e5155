package org.assessmentsapi.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one timestamp format of the API and the table: ISO-8601 UTC with milliseconds, 2026-03-04T14:20:00.000Z.
 *
 * <p>Every PUT formats one timestamp and parses two (the item's {@code createdAt} and {@code updatedAt}) and
 * formats them again for the response. With Lambda's C1-only JIT, {@link DateTimeFormatter} and
 * {@link Instant#parse} cost several microseconds each: written with them, the handler's own CPU time per PUT
 * (the benchmark's {@code overhead} part, docs/benchmarks.md) is ~11 us, or 45 %, higher. So the canonical shape
 * is written and read digit by digit, and anything else (years outside 0000-9999, other ISO forms, invalid
 * fields) goes through the JDK, with its exact result or exception ({@code TimestampsTest} holds both to it).
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** Length of the canonical form {@code uuuu-MM-ddTHH:mm:ss.SSSZ}. */
    private static final int LENGTH = 24;

    private Timestamps() {}

    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return FORMAT.format(instant); // signed and wider years: the formatter's rules
        }
        char[] out = new char[LENGTH];
        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, t.getHour(), 2);
        out[13] = ':';
        digits(out, 14, t.getMinute(), 2);
        out[16] = ':';
        digits(out, 17, t.getSecond(), 2);
        out[19] = '.';
        digits(out, 20, t.getNano() / 1_000_000, 3); // SSS truncates, as the formatter does
        out[23] = 'Z';
        return new String(out);
    }

    public static Instant parse(String text) {
        if (isCanonical(text)) {
            try {
                return LocalDateTime.of(
                                number(text, 0, 4),
                                number(text, 5, 2),
                                number(text, 8, 2),
                                number(text, 11, 2),
                                number(text, 14, 2),
                                number(text, 17, 2),
                                number(text, 20, 3) * 1_000_000)
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                // an impossible date or time (2026-02-30, 24:00, a leap second): the JDK decides
            }
        }
        return Instant.parse(text);
    }

    /** The precision that is stored, so that what is returned equals what is read back later. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static boolean isCanonical(String text) {
        if (text.length() != LENGTH
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(19) != '.'
                || text.charAt(23) != 'Z') {
            return false;
        }
        for (int i = 0; i < 23; i++) {
            if ((i == 4 || i == 7 || i == 10 || i == 13 || i == 16 || i == 19) == isDigit(text.charAt(i))) {
                return false; // separators exactly where expected, ASCII digits everywhere else
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String text, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static void digits(char[] out, int at, int value, int length) {
        for (int i = at + length - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
