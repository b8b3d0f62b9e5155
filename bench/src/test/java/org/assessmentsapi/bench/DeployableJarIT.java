package org.assessmentsapi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Structural facts of the deployable jar (functions/target/functions.jar); sizes and times are in docs/benchmarks.md. */
class DeployableJarIT {

    /** A ceiling that catches regressions (a second client, other platforms' natives or a second SDK service slipping in); measured: see the docs. */
    static final long MAX_BYTES = 15_500_000;

    static Set<String> entries;
    static Path jar;

    @BeforeAll
    static void read() throws IOException {
        jar = Paths.functionsJar();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            entries = zip.stream().map(ZipEntry::getName).collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void holdsBothHandlersThePrimingHookAndOrgCrac() {
        for (String type : List.of(
                "org/assessmentsapi/adapter/http/ApiHandler.class",
                "org/assessmentsapi/adapter/events/AssessmentEventsHandler.class",
                "org/assessmentsapi/bootstrap/ApiPriming.class",
                "org/crac/Core.class",
                "com/amazonaws/services/lambda/runtime/RequestStreamHandler.class")) {
            assertTrue(entries.contains(type), type + " must be in the deployable jar");
        }
    }

    @Test
    void holdsExactlyOneHttpClientTheCrt() {
        assertTrue(entries.contains("software/amazon/awssdk/http/crt/AwsCrtHttpClient.class"));
        for (String prefix : List.of(
                "software/amazon/awssdk/http/apache/",
                "software/amazon/awssdk/http/apache5/",
                "software/amazon/awssdk/http/nio/netty/",
                "software/amazon/awssdk/http/urlconnection/",
                "io/netty/",
                "org/apache/http/",
                "org/apache/hc/")) {
            assertEquals(0, count(prefix), "no " + prefix + " classes");
        }
    }

    @Test
    void holdsTheCrtNativesOfTheLambdaPlatformsOnly() {
        Set<String> natives = entries.stream()
                .filter(name -> name.endsWith(".so") || name.endsWith(".dylib") || name.endsWith(".dll"))
                .collect(java.util.stream.Collectors.toSet());
        assertEquals(Set.of("linux/x86_64/glibc/libaws-crt-jni.so", "linux/armv8/glibc/libaws-crt-jni.so"), natives);
    }

    @Test
    void holdsNoUnusedSdkPartsOrEventTypes() {
        assertEquals(0, count("software/amazon/awssdk/regions/servicemetadata/"));
        assertEquals(0, count("software/amazon/awssdk/services/dynamodb/streams/"));
        assertEquals(0, count("software/amazon/awssdk/services/dynamodb/DefaultDynamoDbAsyncClient"));
        // Both handlers read and write the event JSON themselves: no event classes, and no joda-time.
        assertEquals(0, count("com/amazonaws/services/lambda/runtime/events/"));
        assertEquals(0, count("org/joda/"));
        assertEquals(0, count("META-INF/maven/"));
    }

    @Test
    void staysBelowItsSizeCeiling() throws IOException {
        long size = Files.size(jar);
        assertTrue(size <= MAX_BYTES, "functions.jar is " + size + " bytes; the ceiling is " + MAX_BYTES);
    }

    private static long count(String prefix) {
        return entries.stream().filter(name -> name.startsWith(prefix)).count();
    }
}
