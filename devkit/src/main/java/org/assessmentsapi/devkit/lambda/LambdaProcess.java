package org.assessmentsapi.devkit.lambda;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.assessmentsapi.devkit.ChildProcesses;

/**
 * A Lambda execution environment on this machine: AWS's runtime interface client (RIC) in a fresh JVM, started
 * the way the managed Java runtime starts it, serving the invocations of a {@link RuntimeApi}.
 *
 * <p>As on Lambda: the runtime's jars (and only those) on {@code -classpath}; the function's code unpacked in
 * the working directory, which is {@code LAMBDA_TASK_ROOT} and from which the RIC's own class loader loads the
 * handler; main class {@value #MAIN_CLASS} with the handler as its argument; the managed runtime's JVM options
 * ({@link #RUNTIME_JVM_OPTIONS}, the heap at 85 % of the memory); the reserved variables the service sets, then the
 * function's own. The JVM is the one running this code ({@code java.home}). Its stdout and stderr go to files.
 */
public final class LambdaProcess implements AutoCloseable {

    public static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** The managed runtime's options (besides the heap size): what its bootstrap passes to {@code java}. */
    public static final List<String> RUNTIME_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            // Without it org.crac falls back to a no-op and SnapStart hooks never run.
            "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
            "-Djava.net.preferIPv4Stack=true");

    public static final String FUNCTION_NAME = "assessments-test";
    /** Where the RIC loads its JNI library from when set; otherwise it copies it to a fixed path in /tmp first. */
    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private static final Map<Path, Path> JNI_LIBRARIES = new java.util.concurrent.ConcurrentHashMap<>();

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final long startedNanos;

    private LambdaProcess(Process process, Path stdout, Path stderr, long startedNanos) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.startedNanos = startedNanos;
    }

    /** Starts the function against {@code api}; its output goes to {@code logs}/{@code name}.stdout and .stderr. */
    public static LambdaProcess start(RuntimeApi api, LambdaFunction function, Path logs, String name) {
        try {
            Files.createDirectories(logs);
            Path out = logs.resolve(name + ".stdout");
            Path err = logs.resolve(name + ".stderr");
            ProcessBuilder builder = new ProcessBuilder(command(function))
                    .directory(function.taskRoot().toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            Map<String, String> env = builder.environment();
            // A clean environment, as on Lambda: nothing of this JVM's (JAVA_TOOL_OPTIONS, AWS_* of a developer).
            env.clear();
            env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
            env.put("LANG", "en_US.UTF-8");
            env.put("TZ", ":UTC");
            env.putAll(reservedVariables(api, function));
            env.putAll(function.environment());
            long started = System.nanoTime();
            return new LambdaProcess(builder.start(), out, err, started);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the runtime interface client", e);
        }
    }

    /** Starts the function with its output in a temporary folder. */
    public static LambdaProcess start(RuntimeApi api, LambdaFunction function) {
        try {
            return start(api, function, Files.createTempDirectory("lambda-logs-"), "function");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> command(LambdaFunction function) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:MaxHeapSize=" + function.memoryMb() * 85 / 100 + "m");
        command.addAll(RUNTIME_JVM_OPTIONS);
        if (Runtime.version().feature() >= 24) {
            // The RIC loads a JNI library: JDK 24+ warns about it unless native access is granted.
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.add("-D" + JNI_PROPERTY + "=" + privateJniLibrary(function.runtimeJars()));
        command.addAll(function.jvmOptions());
        command.add("-classpath");
        command.add(classpath(function.runtimeJars()));
        command.add(MAIN_CLASS);
        command.add(function.handler());
        return command;
    }

    /** The variables Lambda reserves and sets for every function (those the RIC, the SDK or our code read). */
    static Map<String, String> reservedVariables(RuntimeApi api, LambdaFunction function) {
        return Map.ofEntries(
                Map.entry("AWS_LAMBDA_RUNTIME_API", api.address()),
                Map.entry("LD_LIBRARY_PATH", libraryPath(function)),
                Map.entry("_HANDLER", function.handler()),
                Map.entry("LAMBDA_TASK_ROOT", function.taskRoot().toString()),
                Map.entry(
                        "AWS_EXECUTION_ENV",
                        "AWS_Lambda_java" + Runtime.version().feature()),
                Map.entry("AWS_LAMBDA_FUNCTION_NAME", FUNCTION_NAME),
                Map.entry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb())),
                Map.entry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
                Map.entry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + FUNCTION_NAME),
                Map.entry("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]local"),
                Map.entry("AWS_LAMBDA_LOG_FORMAT", "JSON"),
                Map.entry("AWS_REGION", "us-east-1"),
                Map.entry("AWS_DEFAULT_REGION", "us-east-1"),
                // Dynalite takes any credentials; Lambda gives the execution role's as variables.
                Map.entry("AWS_ACCESS_KEY_ID", "local"),
                Map.entry("AWS_SECRET_ACCESS_KEY", "local"),
                Map.entry("AWS_SESSION_TOKEN", "local"));
    }

    /**
     * Lambda's {@code LD_LIBRARY_PATH} ({@code /var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:
     * /var/task:/var/task/lib:/opt/lib}) with this machine's stand-ins: the JDK for {@code /var/lang}, the runtime's
     * jars for {@code /var/runtime}, the task root for {@code /var/task}; no {@code /opt/lib}, as no layer is deployed
     * here. The JVM derives {@code java.library.path} from it, so {@code System.loadLibrary} finds a native library in
     * the function's code where it would on Lambda.
     */
    static String libraryPath(LambdaFunction function) {
        Path runtime = function.runtimeJars().toAbsolutePath();
        Path task = function.taskRoot().toAbsolutePath();
        return String.join(
                File.pathSeparator,
                Path.of(System.getProperty("java.home"), "lib").toString(),
                "/lib64",
                "/usr/lib64",
                runtime.toString(),
                runtime.resolve("lib").toString(),
                task.toString(),
                task.resolve("lib").toString());
    }

    /**
     * The RIC's JNI library, unpacked once per runtime folder into a private file. A stand-in for the private
     * {@code /tmp} of each Lambda environment: by default every RIC copies the library to the same
     * {@code /tmp/.libaws-lambda-jni.so}, and two JVMs starting together on one machine overwrite it while the other
     * maps it (measured: SIGBUS in ld-linux when two functions start at once).
     */
    static Path privateJniLibrary(Path runtimeJars) {
        return JNI_LIBRARIES.computeIfAbsent(runtimeJars.toAbsolutePath(), LambdaProcess::unpackJniLibrary);
    }

    private static Path unpackJniLibrary(Path runtimeJars) {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
        String entry = "jni/libaws-lambda-jni.linux-" + arch + ".so";
        try (Stream<Path> jars = Files.list(runtimeJars)) {
            Path ric = jars.filter(
                            jar -> jar.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No runtime interface client jar in " + runtimeJars));
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(ric.toFile())) {
                var library = zip.getEntry(entry);
                if (library == null) {
                    throw new IllegalStateException(ric + " has no " + entry);
                }
                Path target = Files.createTempDirectory("lambda-ric-jni-").resolve("libaws-lambda-jni.so");
                try (var in = zip.getInputStream(library)) {
                    Files.copy(in, target);
                }
                return target;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classpath(Path runtimeJars) {
        try (Stream<Path> jars = Files.list(runtimeJars)) {
            List<String> entries = jars.filter(jar -> jar.toString().endsWith(".jar"))
                    .sorted()
                    .map(Path::toString)
                    .toList();
            if (entries.isEmpty()) {
                throw new IllegalStateException("No jars in " + runtimeJars);
            }
            return String.join(File.pathSeparator, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When {@link #start} started the process ({@link System#nanoTime()}), for wall-time measurements. */
    public long startedNanos() {
        return startedNanos;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end on its own (e.g. after an init error); returns its exit code. */
    public int waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(
                        "The function process did not exit within " + timeout.toSeconds() + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits for a future of the {@link RuntimeApi} (an answer, the init error, readiness), failing as soon as this
     * process has ended without completing it.
     */
    public <T> T await(CompletableFuture<T> future, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return future.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!process.isAlive() && !future.isDone()) {
                    throw new IllegalStateException("The function process ended (exit " + process.exitValue()
                            + ") without answering:\n" + output());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        throw new IllegalStateException(
                "No answer from the function within " + timeout.toSeconds() + " s:\n" + output());
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    /** Both streams, for assertion messages. */
    public String output() {
        return "--- stdout\n" + stdout() + "--- stderr\n" + stderr();
    }

    /** Stops the function, as Lambda ends an environment (SIGTERM, then SIGKILL). */
    @Override
    public void close() {
        ChildProcesses.stop(process);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
