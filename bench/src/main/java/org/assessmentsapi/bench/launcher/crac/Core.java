package org.assessmentsapi.bench.launcher.crac;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a CRaC runtime, named to org.crac with {@code -Dorg.crac.Core.Compat=org.assessmentsapi.bench.launcher.crac}
 * (as the Lambda runtime names its own): what the handler's start-up registers with org.crac's global context is
 * kept here, and {@link #checkpointRestore} runs every hook as SnapStart does around a snapshot, without one.
 */
public final class Core {

    private static final List<Resource> RESOURCES = new CopyOnWriteArrayList<>();
    private static final Context<Resource> GLOBAL = new Context<>() {
        @Override
        public void register(Resource resource) {
            RESOURCES.add(resource);
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
            for (Resource resource : RESOURCES) {
                resource.beforeCheckpoint(this);
            }
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) throws Exception {
            for (Resource resource : RESOURCES) {
                resource.afterRestore(this);
            }
        }
    };

    private Core() {
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /** The registered hooks' beforeCheckpoint, then their afterRestore. */
    public static void checkpointRestore() throws CheckpointException, RestoreException {
        try {
            GLOBAL.beforeCheckpoint(null);
            GLOBAL.afterRestore(null);
        } catch (Exception e) {
            throw new IllegalStateException("a SnapStart hook failed", e);
        }
    }
}
