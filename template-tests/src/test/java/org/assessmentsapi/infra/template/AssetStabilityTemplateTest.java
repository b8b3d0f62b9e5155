package org.assessmentsapi.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a deployment changes is decided by the jar's bytes alone: two synths of the same jar give the same code
 * asset (S3 key = content hash) and the same {@code AWS::Lambda::Version} logical ids, so redeploying an unchanged
 * build publishes no new version and takes no new SnapStart snapshot; a jar that differs changes both. Together with
 * the functions module's ReproducibleJarIT (two builds of one commit give the same jar), a rebuild of the same
 * commit deploys nothing new.
 */
class AssetStabilityTemplateTest {

    @TempDir
    static Path temp;

    private static Map<String, String> first;
    private static Map<String, String> second;
    private static Map<String, String> changed;

    @BeforeAll
    static void synthesizeThreeTimes() throws IOException {
        first = codeAndVersions(Synth.synth("asset-first", Synth.PRODUCTION, false));
        second = codeAndVersions(Synth.synth("asset-second", Synth.PRODUCTION, false));
        Map<String, Object> otherJar = new HashMap<>(Synth.PRODUCTION);
        otherJar.put(
                "functionsJar",
                withOneMoreEntry(Synth.FUNCTIONS_JAR, temp.resolve("changed.jar"))
                        .toString());
        changed = codeAndVersions(Synth.synth("asset-changed", otherJar, false));
    }

    /** Each function's code S3 key, and each version's logical id (keyed by its function). */
    private static Map<String, String> codeAndVersions(Synth.Result synth) {
        Map<String, String> found = new TreeMap<>();
        synth.resources("AWS::Lambda::Function").forEach((id, function) -> {
            Map<?, ?> code = (Map<?, ?>) ((Map<?, ?>) function.get("Properties")).get("Code");
            found.put(id + " code", String.valueOf(code.get("S3Key")));
        });
        synth.resources("AWS::Lambda::Version").forEach((id, version) -> {
            Map<?, ?> functionName = (Map<?, ?>) ((Map<?, ?>) version.get("Properties")).get("FunctionName");
            found.put(functionName.get("Ref") + " version", id);
        });
        return found;
    }

    /** A copy of {@code jar} with one more (harmless) entry: a different build of the same code. */
    private static Path withOneMoreEntry(Path jar, Path copy) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("META-INF/changed.txt"));
            out.write("another build".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return copy;
    }

    @Test
    void bothFunctionsHaveACodeAssetAndAVersion() {
        assertEquals(4, first.size(), first.toString());
        assertTrue(first.values().stream().noneMatch(value -> value.equals("null")), first.toString());
    }

    @Test
    void theSameJarGivesTheSameAssetHashAndVersionLogicalIds() {
        assertEquals(first, second);
    }

    @Test
    void anotherJarChangesEveryAssetHashAndVersionLogicalId() {
        assertEquals(first.keySet(), changed.keySet());
        first.forEach((key, value) -> assertNotEquals(value, changed.get(key), key));
    }
}
