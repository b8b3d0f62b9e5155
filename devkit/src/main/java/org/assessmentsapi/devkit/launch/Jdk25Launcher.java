package org.assessmentsapi.devkit.launch;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The {@code Main-Class} of the executable jars (local runner, benchmark): runs the jar's {@value #MAIN_ATTRIBUTE}
 * on a Java {@value #REQUIRED_FEATURE}+ JVM, so that {@code java -jar <jar>} works on a machine whose default
 * {@code java} is older (Debian's is 17) and has a JDK 25 installed beside it.
 *
 * <p>Invariant: this package is compiled for Java 17 on its own (devkit/pom.xml) and uses nothing of the rest of
 * the jar, which is Java 25 bytecode and never loaded here before the JVM is known to be new enough. On a Java 25
 * JVM the main class runs in this JVM; on an older one the jar runs again, with the same JVM options and arguments,
 * on the JDK the build used (recorded by {@link BuildJdkRecorder}), and this process only relays its exit status.
 */
public final class Jdk25Launcher {

    static final int REQUIRED_FEATURE = 25;
    static final String MAIN_ATTRIBUTE = "Launched-Main-Class";
    static final String BUILD_JDK_RESOURCE = "build-jdk.txt";

    private Jdk25Launcher() {}

    public static void main(String[] args) throws Throwable {
        Path jar = ownJar();
        String mainClass = mainClass(jar);
        if (Runtime.version().feature() >= REQUIRED_FEATURE) {
            MethodHandles.publicLookup()
                    .findStatic(Class.forName(mainClass), "main", MethodType.methodType(void.class, String[].class))
                    .invokeExact(args);
            return;
        }
        Path java = buildJdk().resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            System.err.println("This program needs Java " + REQUIRED_FEATURE + "+, and this is Java "
                    + Runtime.version().feature() + " (" + System.getProperty("java.home") + "). It was built with "
                    + java.getParent().getParent() + ", which is not there any more: install a JDK "
                    + REQUIRED_FEATURE + " and build again, or run it with <JDK " + REQUIRED_FEATURE
                    + ">/bin/java -jar " + jar);
            System.exit(1);
        }
        System.exit(relaunch(java, jar, mainClass, args));
    }

    private static int relaunch(Path java, Path jar, String mainClass, String[] args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        // What the jar's Enable-Native-Access manifest entry allows under `java -jar`, for the same jar on -cp.
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(List.of("-cp", jar.toString(), mainClass));
        command.addAll(Arrays.asList(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        // Ctrl-C reaches both processes; a plain kill of this one must not leave the child running.
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
        return child.waitFor();
    }

    private static Path ownJar() throws URISyntaxException {
        return Path.of(Jdk25Launcher.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    private static String mainClass(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String mainClass = file.getManifest() == null
                    ? null
                    : file.getManifest().getMainAttributes().getValue(MAIN_ATTRIBUTE);
            if (mainClass == null) {
                throw new IllegalStateException(jar + " has no " + MAIN_ATTRIBUTE + " in its manifest");
            }
            return mainClass;
        }
    }

    private static Path buildJdk() throws IOException {
        try (var in = Jdk25Launcher.class.getResourceAsStream(BUILD_JDK_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the jar has no " + BUILD_JDK_RESOURCE + " next to " + Jdk25Launcher.class.getName());
            }
            return Path.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }
}
