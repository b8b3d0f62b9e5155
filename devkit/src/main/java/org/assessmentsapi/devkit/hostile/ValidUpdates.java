package org.assessmentsapi.devkit.hostile;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of valid PUT bodies: a random non-empty subset of the editable fields, with random
 * Unicode text (escaped or not), numbers in several spellings, random field order and whitespace, and
 * sometimes the correct {@code version}. Each update comes with the values it sets, for a model to apply.
 */
public final class ValidUpdates {

    /** A valid body and what it sets: strings for text and status fields, BigDecimal for progress. */
    public record ValidUpdate(String body, Map<String, Object> sets) {}

    private static final String[] STATUSES = {"DRAFT", "ANALYZING", "ACTION_REQUIRED", "COMPLETE"};
    /** Code points that are valid in text fields: no controls, no unpaired surrogates, no exotic spaces. */
    private static final int[][] POOLS = {
        {'a', 'z'},
        {'A', 'Z'},
        {'0', '9'},
        {'!', '/'},
        {0xC0, 0xFF},
        {0x4E00, 0x4E80},
        {0x0627, 0x064A},
        {0x1F600, 0x1F64F},
        {0x0300, 0x0320}
    };

    private final Random random;

    public ValidUpdates(long seed) {
        this.random = new Random(seed);
    }

    /** The next update; {@code currentVersion} is sent as {@code version} about a third of the time. */
    public ValidUpdate next(long currentVersion) {
        Map<String, Object> sets = new LinkedHashMap<>();
        List<String> fields = new ArrayList<>(List.of("name", "companyName", "companyType", "status", "progress"));
        Collections.shuffle(fields, random);
        int count = 1 + random.nextInt(fields.size());
        List<String> members = new ArrayList<>();
        for (String field : fields.subList(0, count)) {
            switch (field) {
                case "name", "companyName" -> members.add(text(field, 1, 200, sets));
                case "companyType" -> members.add(text(field, 0, 100, sets));
                case "status" -> {
                    String status = STATUSES[random.nextInt(STATUSES.length)];
                    sets.put(field, status);
                    members.add(quote(field) + ":" + quote(status));
                }
                default -> members.add(progress(sets));
            }
        }
        if (random.nextInt(3) == 0) {
            members.add(random.nextInt(members.size() + 1), "\"version\":" + currentVersion);
        }
        String space = random.nextBoolean() ? "" : " \n\t".substring(0, 1 + random.nextInt(3));
        return new ValidUpdate("{" + space + String.join("," + space, members) + space + "}", sets);
    }

    private String text(String field, int min, int max, Map<String, Object> sets) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int[] pool = POOLS[random.nextInt(POOLS.length)];
            int codePoint = pool[0] + random.nextInt(pool[1] - pool[0] + 1);
            // A combining mark first, or spaces only, could make the value blank-looking: start with a letter.
            value.appendCodePoint(i == 0 ? 'a' + random.nextInt(26) : random.nextInt(12) == 0 ? ' ' : codePoint);
        }
        sets.put(field, value.toString());
        return quote(field) + ":" + quote(value.toString());
    }

    private String progress(Map<String, Object> sets) {
        int scale = random.nextInt(11);
        BigInteger unscaled = BigInteger.valueOf((long) (random.nextDouble() * 100 * Math.pow(10, scale)));
        BigDecimal value = new BigDecimal(unscaled, scale);
        sets.put("progress", value);
        String spelling = switch (random.nextInt(4)) {
            case 0 -> value.toPlainString();
            case 1 -> value.setScale(scale + 1 + random.nextInt(3)).toPlainString();
            case 2 -> unscaled + (random.nextBoolean() ? "E-" : "e-") + scale;
            default -> value.toString();
        };
        return "\"progress\":" + spelling;
    }

    /** A JSON string; non-ASCII characters are escaped as {@code \\uXXXX} at random, as clients may do. */
    private String quote(String text) {
        boolean escapeNonAscii = random.nextInt(4) == 0;
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c > 0x7E && escapeNonAscii) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
