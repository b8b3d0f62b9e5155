package org.assessmentsapi.adapter.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The loops decide exactly as the regexes that define the shape, on hand-picked and on random strings. */
class TokenShapeTest {

    private static final Pattern OPTIONAL_WHITESPACE = Pattern.compile("^[ \t]+|[ \t]+$");
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    /** Characters that matter to the rules, and a few that must be refused. */
    private static final String ALPHABET = "aZ09-_.. \t\n\r\0+/=é";

    @Test
    void sameAnswersAsTheRegexes() {
        String[] samples = {
            "",
            ".",
            "..",
            "a.b.",
            "a.b.c",
            "a.b.c.",
            "a..c",
            ".b.c",
            "a.b.c.d",
            " a.b.c\t",
            "\ta.b.c ",
            "a.b.c\n",
            "a.b.c \n",
            "a b.c.d",
            "a.b.c=",
            "a+b.c.d",
            "a.b.c\0",
            "  ",
            "\t\t",
            "ab.cd.ef"
        };
        for (String sample : samples) {
            assertSame(sample);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(9); n > 0; n--) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertSame(text.toString());
        }
    }

    /** Accepted by both with the same token, or refused by both (the regexes: strip, then match). */
    private static void assertSame(String header) {
        String stripped = TokenShape.withoutOptionalWhitespace(header);
        String regexStripped = OPTIONAL_WHITESPACE.matcher(header).replaceAll("");
        boolean accepted = TokenShape.isCompactJws(stripped);
        assertEquals(COMPACT_JWS.matcher(regexStripped).matches(), accepted, () -> "'" + header + "'");
        if (accepted) {
            assertEquals(regexStripped, stripped, () -> "'" + header + "'");
        }
        assertEquals(COMPACT_JWS.matcher(header).matches(), TokenShape.isCompactJws(header), () -> "'" + header + "'");
    }
}
