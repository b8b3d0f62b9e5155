package org.assessmentsapi.bootstrap;

/** A step of a function's start-up (a warm-up helper, a rehearsal); it returns what it observed, for a log line. */
interface StartupTask {

    String run() throws Exception;
}
