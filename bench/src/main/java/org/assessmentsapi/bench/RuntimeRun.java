package org.assessmentsapi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.assessmentsapi.devkit.lambda.Answer;
import org.assessmentsapi.devkit.lambda.LambdaFunction;
import org.assessmentsapi.devkit.lambda.LambdaProcess;
import org.assessmentsapi.devkit.lambda.RuntimeApi;

/**
 * One Lambda execution environment, measured: AWS's runtime interface client in a fresh JVM (devkit's
 * {@link LambdaProcess}, started as the managed runtime starts it, the jar unpacked as the task root), one real
 * invocation queued on its Runtime API before it starts, stopped after its answer.
 *
 * <p>Times, from just before the process starts: {@code initMs} to the runtime's first {@code next} (Lambda's
 * "Init Duration": JVM start, the RIC, the handler's class and constructor, and with SnapStart the priming hook and
 * {@code restore/next}); {@code wallMs} to the arrival of the response; {@code invokeMs} the difference. CPU time
 * is the process's user + system time (all threads, JIT and GC included) read from {@code /proc/<pid>/stat} when
 * the response arrives.
 *
 * <p>With a class-load log ({@code -Xlog:class+load} to a file), the marker between "initialization" and "first
 * invocation" is the runtime's own first {@code next} request: the JVM is then blocked in its long poll, so every
 * class it loaded until then is in the log; the second {@code next} (after it posted its response) closes the
 * invocation. {@code classesFirstInvocation} is the lines between the two: the runtime's reading of the event,
 * its (de)serialization, the handler, the posting of the response.
 *
 * @param classesTotal classes loaded up to the second {@code next} (-1 without a class-load log)
 * @param classesFirstInvocation classes loaded between the first and the second {@code next} (-1 without a log)
 */
record RuntimeRun(
        double wallMs,
        double initMs,
        double invokeMs,
        double cpuMs,
        Answer answer,
        List<String> calls,
        long classesTotal,
        long classesFirstInvocation) {

    static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** How one run is started. */
    record Options(boolean snapStart, boolean classLog) {
        static final Options PLAIN = new Options(false, false);
        static final Options CLASSES = new Options(false, true);
    }

    static RuntimeRun of(Fixture fixture, Path taskRoot, String handler, String event, String name, Options options) {
        Path logs = logs();
        Path classLog = logs.resolve(name + ".classes.log");
        List<String> jvmOptions = new ArrayList<>();
        if (options.classLog()) {
            jvmOptions.add("-Xlog:class+load:file=" + classLog + ":uptime,tid");
        }
        Map<String, String> env = new LinkedHashMap<>(fixture.appEnv());
        // The stack's JVM options, and what the managed runtime adds to them: C1 only unless SnapStart is on.
        env.put(
                "JAVA_TOOL_OPTIONS",
                options.snapStart() ? Fixture.STACK_JAVA_TOOL_OPTIONS : Fixture.ON_DEMAND_JAVA_TOOL_OPTIONS);
        if (options.snapStart()) {
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        }
        LambdaFunction function = LambdaFunction.of(runtimeJars(), taskRoot, handler)
                .withEnvironment(env)
                .withJvmOptions(jvmOptions);
        try (RuntimeApi api = RuntimeApi.start()) {
            AtomicInteger nexts = new AtomicInteger();
            long[] nextNanos = new long[2];
            long[] classLines = {-1, -1};
            CompletableFuture<Void> secondNext = new CompletableFuture<>();
            api.onNextRequest(() -> {
                int n = nexts.getAndIncrement();
                if (n < 2) {
                    nextNanos[n] = System.nanoTime();
                    classLines[n] = options.classLog() ? countLines(classLog) : -1;
                }
                if (n == 1) {
                    secondNext.complete(null);
                }
            });
            CompletableFuture<Answer> answer = api.invoke(event);
            CompletableFuture<Long> arrived = answer.thenApply(any -> System.nanoTime());
            try (LambdaProcess process = LambdaProcess.start(api, function, logs, name)) {
                long started = process.startedNanos();
                Answer result = process.await(answer, TIMEOUT);
                long end = process.await(arrived, TIMEOUT);
                double cpuMs = cpuMillis(process.pid());
                if (result.error()) {
                    throw new IllegalStateException(
                            handler + " reported an error: " + result + "\n" + process.output());
                }
                // The second next marks the end of the invocation (after the response was posted).
                process.await(secondNext, TIMEOUT);
                return new RuntimeRun(
                        (end - started) / 1e6,
                        (nextNanos[0] - started) / 1e6,
                        (end - nextNanos[0]) / 1e6,
                        cpuMs,
                        result,
                        api.calls(),
                        classLines[1],
                        classLines[1] < 0 ? -1 : classLines[1] - classLines[0]);
            }
        }
    }

    /** The answer's {@code statusCode} (API functions), or -1. */
    int status() {
        var matcher =
                java.util.regex.Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)").matcher(answer.body());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** How many messages an SQS batch response lists as failures. */
    int batchItemFailures() {
        if (!answer.body().contains("\"batchItemFailures\"")) {
            throw new IllegalStateException("not an SQS batch response: " + answer.body());
        }
        return answer.body().split("\"itemIdentifier\"", -1).length - 1;
    }

    static Path runtimeJars() {
        String configured = System.getProperty(LambdaFunction.RUNTIME_JARS_PROPERTY);
        return configured != null ? Path.of(configured) : Paths.benchTarget().resolve("lambda-runtime");
    }

    private static Path logs() {
        try {
            return Files.createDirectories(Paths.results().resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long countLines(Path log) {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("source:")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * User + system CPU time of a process, all threads (live and ended), in ms: fields 14 and 15 of
     * {@code /proc/<pid>/stat}, in clock ticks of 10 ms (USER_HZ is 100 on Linux); -1 where there is none.
     */
    private static double cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII);
            // After the command name, which is in parentheses and may hold spaces: field 3 (state) onwards.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
