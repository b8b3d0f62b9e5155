package org.assessmentsapi.devkit.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (devkit/pom.xml, exec:exec on the build's JDK toolchain): writes the home of the JDK running it into
 * the file {@code args[0]}, the {@link Jdk25Launcher#BUILD_JDK_RESOURCE} that {@link Jdk25Launcher} relaunches
 * with when {@code java -jar} is started by an older default {@code java}.
 */
public final class BuildJdkRecorder {

    private BuildJdkRecorder() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Files.createDirectories(file.getParent());
        Files.writeString(file, System.getProperty("java.home") + "\n");
    }
}
