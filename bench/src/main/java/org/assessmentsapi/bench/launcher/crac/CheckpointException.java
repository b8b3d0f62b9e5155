package org.assessmentsapi.bench.launcher.crac;

public final class CheckpointException extends Exception {
}
