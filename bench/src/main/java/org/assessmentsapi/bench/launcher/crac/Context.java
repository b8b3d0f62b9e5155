package org.assessmentsapi.bench.launcher.crac;

/** A context of the launcher's CRaC stand-in: it keeps what is registered, strongly, in order. */
public abstract class Context<R extends Resource> implements Resource {

    public abstract void register(R resource);
}
