package org.assessmentsapi.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/deploy.md's configuration table names exactly the context keys that {@link AssessmentsConfig} reads. */
class ContextKeysDocumentedTest {

    /** The module directory is the tests' working directory. */
    private static final Path DEPLOY_DOC = Path.of("..", "docs", "deploy.md");

    private static final Pattern TABLE_ROW_KEY = Pattern.compile("^\\| `([A-Za-z]+)` \\|");

    @Test
    void everyContextKeyIsDocumentedAndNothingElse() throws IOException {
        Set<String> read = new TreeSet<>();
        try {
            AssessmentsConfig.fromContext(
                    key -> {
                        read.add(key);
                        return null;
                    },
                    Path.of(""));
        } catch (IllegalArgumentException expected) {
            // No issuer, audience nor jar: the keys were all read before the validation refused them.
        }
        assertFalse(read.isEmpty());
        assertEquals(read, documentedKeys());
    }

    private static Set<String> documentedKeys() throws IOException {
        List<String> lines = Files.readAllLines(DEPLOY_DOC);
        int start = lines.indexOf("## Configuration (CDK context)");
        assertTrue(start >= 0, "no configuration section in " + DEPLOY_DOC);
        Set<String> keys = new TreeSet<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher row = TABLE_ROW_KEY.matcher(line);
            if (row.find()) {
                keys.add(row.group(1));
            }
        }
        return keys;
    }
}
