package org.assessmentsapi.infra.template;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Sees what a handler sees in the Lambda Java runtime: the JDK, the runtime's own
 * {@code com.amazonaws.services.lambda.runtime} interfaces, and the deployment jar; not this test's classpath,
 * where a class the jar lacks could hide.
 */
final class LambdaRuntimeClassLoader extends URLClassLoader {

    private static final String RUNTIME_PACKAGE = "com.amazonaws.services.lambda.runtime.";
    private final ClassLoader testClasses = LambdaRuntimeClassLoader.class.getClassLoader();

    LambdaRuntimeClassLoader(Path jar) throws MalformedURLException {
        super(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        try {
            return super.findClass(name);
        } catch (ClassNotFoundException notInJar) {
            if (name.startsWith(RUNTIME_PACKAGE)) {
                return testClasses.loadClass(name);
            }
            throw notInJar;
        }
    }
}
