package org.assessmentsapi.bench.launcher.crac;

public final class RestoreException extends Exception {
}
