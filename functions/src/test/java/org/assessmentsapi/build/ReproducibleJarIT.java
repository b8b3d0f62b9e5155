package org.assessmentsapi.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds of the same sources give the same functions.jar, byte for byte, so a rebuild deploys nothing new
 * (template-tests' AssetStabilityTemplateTest: the same jar gives the same asset hash and version ids).
 *
 * <p>The second build is the real one again, offline and without tests, in another directory: this commit's poms
 * and the main sources of functions and of the module it needs in the reactor (devkit), {@code mvn -o
 * -Dmaven.test.skip=true -pl functions -am package}. Another directory also proves that no absolute path ends up
 * in the jar. About 20 s.
 */
class ReproducibleJarIT {

    private static final Path ROOT =
            Path.of(System.getProperty("repository.root")).toAbsolutePath().normalize();
    private static final Path BUILT = Path.of(System.getProperty("functions.jar"));
    /** The sources that go into functions.jar, and the module the reactor needs to resolve functions. */
    private static final List<String> MODULES_WITH_SOURCES = List.of("devkit", "functions");

    @TempDir
    Path copy;

    @Test
    void aSecondBuildInAnotherDirectoryGivesTheSameJar() throws Exception {
        copySources();

        Path rebuilt = copy.resolve("functions/target/functions.jar");
        build();

        assertTrue(Files.isRegularFile(rebuilt), rebuilt.toString());
        assertEquals(entryDigests(BUILT), entryDigests(rebuilt), "entries whose content differs");
        assertEquals(
                sha256(BUILT), sha256(rebuilt), "same entries, but the jars' bytes differ (order, times, attributes)");
    }

    private void copySources() throws IOException {
        Files.copy(ROOT.resolve("pom.xml"), copy.resolve("pom.xml"));
        for (String module : modules()) {
            Files.createDirectories(copy.resolve(module));
            Files.copy(
                    ROOT.resolve(module).resolve("pom.xml"),
                    copy.resolve(module).resolve("pom.xml"));
        }
        for (String module : MODULES_WITH_SOURCES) {
            Path main = ROOT.resolve(module).resolve("src/main");
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = copy.resolve(module)
                            .resolve("src/main")
                            .resolve(main.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
        }
    }

    /** The root pom's modules: Maven reads every module's pom even when it builds two of them. */
    private static List<String> modules() throws IOException {
        Matcher module = Pattern.compile("<module>([^<]+)</module>")
                .matcher(Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8));
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1).trim());
        }
        return modules;
    }

    private void build() throws IOException, InterruptedException {
        Path mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn");
        List<String> command = List.of(
                mvn.toString(),
                "-o",
                "-q",
                "-B",
                "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"),
                "-Dmaven.test.skip=true",
                "-pl",
                "functions",
                "-am",
                "package");
        Path log = copy.resolve("build.log");
        Process process = new ProcessBuilder(command)
                .directory(copy.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean done = process.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            process.destroyForcibly();
        }
        assertTrue(done && process.exitValue() == 0, "the second build failed:\n" + Files.readString(log));
    }

    /** Entry name -> SHA-256 of its content, in name order. */
    private static Map<String, String> entryDigests(Path jar) throws IOException, NoSuchAlgorithmException {
        Map<String, String> digests = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().map(ZipEntry.class::cast).toList()) {
                try (var in = zip.getInputStream(entry)) {
                    digests.put(
                            entry.getName(),
                            hex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
                }
            }
        }
        return digests;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return hex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Objects.requireNonNull(file))));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
