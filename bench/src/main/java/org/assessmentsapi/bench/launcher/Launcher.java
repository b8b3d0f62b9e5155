package org.assessmentsapi.bench.launcher;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plays the Lambda Java runtime in a fresh JVM, for one invocation of the API handler (an API Gateway v2 event) or
 * of the events handler (an SQS event): loads the handler class by name,
 * instantiates it with its no-arg constructor (configuration comes from the environment, set by the
 * parent), turns the event JSON into the handler's input type (by default with {@link LiteEvents}, JDK only;
 * with {@code -Dlauncher.serialization=runtime}, with aws-lambda-java-serialization as the runtime does),
 * calls {@code handleRequest} (with a null Context), and serializes the response to JSON the same way. A stream
 * handler ({@code handleRequest(InputStream, OutputStream, Context)}, as both functions are) gets the event file's
 * bytes and writes the response itself, as the runtime does: no serialization at all.
 *
 * <p>Usage: {@code java -cp launcher.jar:HANDLER.jar Launcher HANDLER_CLASS EVENT_FILE [count|prime]}. It prints
 * one line {@code RESULT status=... construct_ms=... invoke_ms=... total_ms=... cpu_ms=...} ({@code status} is the HTTP status,
 * or {@code batch} for an SQS batch response, then with {@code batch_item_failures=N}; times since main started;
 * the parent measures the wall time from process start to that line; {@code cpu_ms} is the CPU time of the whole
 * process so far, all threads, JIT and GC included, from {@code /proc/self/stat}, -1 where there is none). With {@code count}, it also reports how many classes the first invocation loaded
 * ({@code classes_first_invoke}, from the JVM's class loading counter); with {@code prime}, it first calls the
 * handler's SnapStart priming hook ({@code beforeCheckpoint}, then {@code afterRestore}) after construction.
 */
public final class Launcher {

    /**
     * {@code -Dlauncher.serialization=runtime}: the runtime's aws-lambda-java-serialization (its shaded Jackson
     * and event mixins) instead of {@link LiteEvents}; it adds the same ~1,200 classes to every handler.
     */
    private static final boolean RUNTIME_SERIALIZATION = "runtime".equals(System.getProperty("launcher.serialization"));

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        String handlerClass = args[0];
        Path eventFile = Path.of(args[1]);
        boolean count = args.length > 2;
        boolean prime = count && args[2].equals("prime");
        ClassLoader loader = Launcher.class.getClassLoader();

        Class<?> type = Class.forName(handlerClass, true, loader);
        Object handler = type.getConstructor().newInstance();
        long constructed = System.nanoTime();

        var classCounter = count ? java.lang.management.ManagementFactory.getClassLoadingMXBean() : null;
        if (prime) {
            Object priming = type.getMethod("priming").invoke(handler);
            priming.getClass().getMethod("beforeCheckpoint", Class.forName("org.crac.Context", true, loader))
                    .invoke(priming, (Object) null);
            priming.getClass().getMethod("afterRestore", Class.forName("org.crac.Context", true, loader))
                    .invoke(priming, (Object) null);
        }

        Method stream = streamHandleRequest(type);
        Method handle = stream != null ? null : handleRequest(type);
        long beforeEvent = System.nanoTime();
        long classesBeforeEvent = count ? classCounter.getTotalLoadedClassCount() : 0;
        long classesBeforeInvoke;
        long classesAfterInvoke;
        String response;
        if (stream != null) {
            byte[] event = Files.readAllBytes(eventFile);
            classesBeforeInvoke = count ? classCounter.getTotalLoadedClassCount() : 0;
            var out = new ByteArrayOutputStream();
            stream.invoke(handler, new ByteArrayInputStream(event), out, null);
            classesAfterInvoke = count ? classCounter.getTotalLoadedClassCount() : 0;
            response = out.toString(StandardCharsets.UTF_8);
        } else {
            Object input;
            if (RUNTIME_SERIALIZATION) {
                try (InputStream json = Files.newInputStream(eventFile)) {
                    @SuppressWarnings("unchecked")
                    PojoSerializer<Object> in = (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(handle.getParameterTypes()[0], loader);
                    input = in.fromJson(json);
                }
            } else {
                input = LiteEvents.read(Files.readString(eventFile, StandardCharsets.UTF_8), handle.getParameterTypes()[0]);
            }
            classesBeforeInvoke = count ? classCounter.getTotalLoadedClassCount() : 0;
            Object output = handle.invoke(handler, input, null);
            classesAfterInvoke = count ? classCounter.getTotalLoadedClassCount() : 0;
            if (RUNTIME_SERIALIZATION) {
                @SuppressWarnings("unchecked")
                PojoSerializer<Object> out = (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(output.getClass(), loader);
                var bytes = new ByteArrayOutputStream();
                out.toJson(output, bytes);
                response = bytes.toString(StandardCharsets.UTF_8);
            } else {
                response = LiteEvents.write(output);
            }
        }
        long done = System.nanoTime();
        long cpuMillis = processCpuMillis();

        var status = java.util.regex.Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)").matcher(response);
        StringBuilder line = new StringBuilder("RESULT")
                .append(" status=").append(status.find() ? status.group(1) : response.contains("\"batchItemFailures\"") ? "batch" : "?")
                .append(" construct_ms=").append(ms(constructed - start))
                .append(" invoke_ms=").append(ms(done - beforeEvent))
                .append(" total_ms=").append(ms(done - start))
                .append(" cpu_ms=").append(cpuMillis);
        if (response.contains("\"batchItemFailures\"")) {
            line.append(" batch_item_failures=").append(response.split("\"itemIdentifier\"", -1).length - 1);
        }
        if (count) {
            line.append(" classes_first_invoke=").append(classesAfterInvoke - classesBeforeInvoke)
                    .append(" classes_first_event_with_deserialization=").append(classesAfterInvoke - classesBeforeEvent);
        }
        System.out.println(line);
        System.out.flush();
        if (System.getenv("BENCH_PRINT_RESPONSE") != null) {
            System.out.println(response);
        }
        // Like a Lambda environment after its first response: nothing more to measure; skip shutdown work.
        Runtime.getRuntime().halt(0);
    }

    /** A stream handler's {@code handleRequest(InputStream, OutputStream, Context)}, or null for a POJO handler. */
    private static Method streamHandleRequest(Class<?> type) {
        for (Method method : type.getMethods()) {
            Class<?>[] parameters = method.getParameterTypes();
            if (method.getName().equals("handleRequest") && parameters.length == 3
                    && parameters[0] == InputStream.class && parameters[1] == OutputStream.class) {
                return method;
            }
        }
        return null;
    }

    /** The runtime's choice: the handleRequest(I, Context) that is not a compiler-generated bridge. */
    private static Method handleRequest(Class<?> type) throws NoSuchMethodException {
        for (Method method : type.getMethods()) {
            if (method.getName().equals("handleRequest") && method.getParameterCount() == 2 && !method.isBridge()) {
                return method;
            }
        }
        throw new NoSuchMethodException(type.getName() + ".handleRequest(I, Context)");
    }

    /**
     * User + system CPU time of this process, all threads (live and ended), in ms: fields 14 and 15 of
     * {@code /proc/self/stat}, in clock ticks of 10 ms (USER_HZ is 100 on Linux). Unlike wall time, it barely
     * moves with the load of a shared machine, and it is what a fractional vCPU (Lambda at 1,024 MB) has to pay.
     */
    private static long processCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            // After the command name, which is in parentheses and may hold spaces: field 3 (state) onwards.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
