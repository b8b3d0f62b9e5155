package org.assessmentsapi.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The functions are tested on the Java they run on: Lambda's java25 runtime (infra), a JDK 25 here (root pom). */
class TestJvmTest {

    @Test
    void theTestsRunOnJava25() {
        assertEquals(25, Runtime.version().feature(), System.getProperty("java.home"));
    }
}
