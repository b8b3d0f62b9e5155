package org.assessmentsapi.bench.launcher.crac;

/** The resource type of the launcher's CRaC stand-in (the shape org.crac's compatibility layer expects). */
public interface Resource {

    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
