package dev.switchboard.core.aws;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.ArrayList;
import java.util.List;

/**
 * Priming for Lambda SnapStart. While Lambda initialises the version it snapshots, it calls every
 * registered {@code org.crac} {@link Resource#beforeCheckpoint}; ours runs the function's priming (see
 * {@link Priming}: a twin of the handler over an in-memory HTTP client), so the snapshot holds loaded,
 * linked and once-run code, and a restored environment's first request costs about what a warm one does.
 * Priming calls no AWS API and leaves nothing unique in the snapshot. Outside a SnapStart init (on-demand
 * cold starts, the dev server, tests) nothing is registered, so init stays small.
 */
public final class SnapStartPriming {

    /** org.crac holds resources weakly; these strong references keep them alive until the checkpoint. */
    private static final List<Resource> REGISTERED = new ArrayList<>();

    private SnapStartPriming() {
    }

    /** True while Lambda initialises a version for a SnapStart snapshot. */
    public static boolean isSnapshotInit() {
        return "snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
    }

    /** Registers {@code prime} to run before the snapshot, when this is a snapshot init. */
    public static void register(Runnable prime) {
        if (isSnapshotInit()) {
            register(prime, Core.getGlobalContext());
        }
    }

    static synchronized void register(Runnable prime, Context<Resource> context) {
        Resource resource = new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> ignored) {
                prime.run();
            }

            @Override
            public void afterRestore(Context<? extends Resource> ignored) {
            }
        };
        REGISTERED.add(resource);
        context.register(resource);
    }
}
