package org.assessmentsapi.devkit;

import java.util.concurrent.TimeUnit;

/** Ending the child processes that fixtures start (dynalite, a function under the runtime client). */
public final class ChildProcesses {

    private ChildProcesses() {}

    /** Asks {@code process} to end (SIGTERM), and kills it (SIGKILL) if it has not within 5 seconds. */
    public static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
