package org.assessmentsapi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * README's run command, {@code java -jar local/target/assessments-local.jar}, on the executable jar: its Main-Class
 * is devkit's Jdk25Launcher, Java 17 bytecode, so that an older default {@code java} can start it and relaunch on
 * the build's JDK 25; everything else is Java 25 bytecode. On this JVM (25) the launcher runs the main class itself.
 */
class ExecutableJarIT {

    private static final Path JAR = Path.of(System.getProperty("local.jar"));
    private static final String LAUNCHER = "org.assessmentsapi.devkit.launch.Jdk25Launcher";
    private static final int JAVA_17 = 61;
    private static final int JAVA_25 = 69;

    @Test
    void theMainClassIsTheLauncherCompiledForJava17AndTheRestIsJava25() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertEquals(LAUNCHER, manifest.getValue(Attributes.Name.MAIN_CLASS));
            assertEquals(LocalApi.class.getName(), manifest.getValue("Launched-Main-Class"));
            assertEquals(JAVA_17, classVersion(jar, LAUNCHER));
            assertEquals(JAVA_25, classVersion(jar, LocalApi.class.getName()));
        }
    }

    /**
     * The recorded JDK is the toolchain's, the one that runs this test, whatever JDK Maven itself ran on: with
     * Maven on a JDK 25 and no toolchain selected, exec:exec would record PATH's {@code java} (17 on Debian).
     */
    @Test
    void theRecordedJdkIsTheOneTheBuildRunsTestsOn() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            JarEntry recorded = jar.getJarEntry("org/assessmentsapi/devkit/launch/build-jdk.txt");
            assertNotNull(recorded, "the build's JDK is recorded");
            String jdk = new String(jar.getInputStream(recorded).readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(
                    Path.of(System.getProperty("java.home")).toRealPath(),
                    Path.of(jdk).toRealPath());
        }
    }

    @Test
    void javaDashJarRunsTheLocalRunnerAndPassesItsExitStatusOn() throws Exception {
        Processes.Result run =
                Processes.run(List.of(Processes.java(), "-jar", JAR.toString()), Map.of("PORT", "not-a-port"));

        assertEquals(1, run.exit(), run.output());
        assertEquals("assessments-local: PORT must be a number between 0 and 65535, got 'not-a-port'", run.output());
    }

    private static int classVersion(JarFile jar, String className) throws IOException {
        try (DataInputStream in =
                new DataInputStream(jar.getInputStream(jar.getEntry(className.replace('.', '/') + ".class")))) {
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            return in.readUnsignedShort();
        }
    }
}
