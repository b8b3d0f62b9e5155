package org.assessmentsapi.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The digit-by-digit format and parse give exactly what the JDK's formatter and Instant.parse give. */
class TimestampsTest {

    private static final DateTimeFormatter JDK =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void formatsAndParsesLikeTheJdkOverTheWholeRangeOfFourDigitYears() {
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000));
            String text = Timestamps.format(instant);
            assertEquals(JDK.format(instant), text);
            assertEquals(Instant.parse(text), Timestamps.parse(text));
        }
        for (String edge : new String[] {
            "0000-01-01T00:00:00.000Z",
            "9999-12-31T23:59:59.999Z",
            "1970-01-01T00:00:00.000Z",
            "2024-02-29T12:00:00.001Z",
            "1969-12-31T23:59:59.999Z"
        }) {
            assertEquals(edge, Timestamps.format(Instant.parse(edge)));
            assertEquals(Instant.parse(edge), Timestamps.parse(edge));
        }
    }

    @Test
    void yearsOutsideFourDigitsAreFormattedByTheJdk() {
        for (Instant instant :
                new Instant[] {Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-06-01T00:00:00Z")}) {
            assertEquals(JDK.format(instant), Timestamps.format(instant));
        }
    }

    @Test
    void otherShapesAreParsedOrRefusedByTheJdk() {
        for (String other :
                new String[] {"2026-03-04T14:20:00Z", "2026-03-04T14:20:00.123456Z", "+10000-01-01T00:00:00Z"}) {
            assertEquals(Instant.parse(other), Timestamps.parse(other));
        }
        for (String invalid : new String[] {
            "2026-02-30T00:00:00.000Z",
            "2026-13-01T00:00:00.000Z",
            "2026-01-01T24:00:00.000Z",
            "2026-01-01T23:59:60.000Z",
            "2026-01-01 00:00:00.000Z",
            "2026-01-01T00:00:00.000+",
            "２026-01-01T00:00:00.000Z",
            "2026-0a-01T00:00:00.000Z",
            ""
        }) {
            assertEquals(outcome(() -> Instant.parse(invalid)), outcome(() -> Timestamps.parse(invalid)), invalid);
        }
        assertThrows(DateTimeParseException.class, () -> Timestamps.parse("2026-02-30T00:00:00.000Z"));
    }

    /** The value, or the exception's class and message. */
    private static String outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get().toString();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
