package org.assessmentsapi.devkit.lambda;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Lambda service knows of a function before it starts it: the runtime's jars, the unpacked code, the
 * handler, the function's environment variables, its memory, and extra JVM options (a stand-in for what the
 * function's {@code JAVA_TOOL_OPTIONS} cannot say, e.g. a class-load log). Immutable; {@code with...} returns a copy.
 *
 * @param runtimeJars a folder of jars: the runtime interface client and what it pulls, nothing of the function
 */
public record LambdaFunction(
        Path runtimeJars,
        Path taskRoot,
        String handler,
        Map<String, String> environment,
        int memoryMb,
        List<String> jvmOptions) {

    /** Where the build copies the runtime's jars (maven-dependency-plugin); set by the test and benchmark builds. */
    public static final String RUNTIME_JARS_PROPERTY = "lambda.runtime.dir";

    public static final int DEFAULT_MEMORY_MB = 1024;

    public LambdaFunction {
        if (!Files.isDirectory(runtimeJars)) {
            throw new IllegalArgumentException(
                    "No runtime jars in " + runtimeJars + " (built by maven-dependency-plugin)");
        }
        environment = Map.copyOf(environment);
        jvmOptions = List.copyOf(jvmOptions);
    }

    public static LambdaFunction of(Path runtimeJars, Path taskRoot, String handler) {
        return new LambdaFunction(runtimeJars, taskRoot, handler, Map.of(), DEFAULT_MEMORY_MB, List.of());
    }

    /** The runtime's jars from {@value #RUNTIME_JARS_PROPERTY}. */
    public static Path runtimeJarsFromProperty() {
        String dir = System.getProperty(RUNTIME_JARS_PROPERTY);
        if (dir == null) {
            throw new IllegalStateException(
                    "-D" + RUNTIME_JARS_PROPERTY + " must name the folder of the runtime interface client's jars");
        }
        return Path.of(dir);
    }

    /** These variables on top of the current ones (a null value removes one). */
    public LambdaFunction withEnvironment(Map<String, String> variables) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        variables.forEach((name, value) -> {
            if (value == null) {
                merged.remove(name);
            } else {
                merged.put(name, value);
            }
        });
        return new LambdaFunction(runtimeJars, taskRoot, handler, merged, memoryMb, jvmOptions);
    }

    public LambdaFunction withHandler(String otherHandler) {
        return new LambdaFunction(runtimeJars, taskRoot, otherHandler, environment, memoryMb, jvmOptions);
    }

    public LambdaFunction withJvmOptions(List<String> options) {
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(options);
        return new LambdaFunction(runtimeJars, taskRoot, handler, environment, memoryMb, all);
    }
}
