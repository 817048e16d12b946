package dev.switchboard.core.aws;

import dev.switchboard.core.log.JsonLog;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Priming for Lambda SnapStart: while Lambda initialises the version it snapshots, make the read-only
 * calls a first request makes, so the snapshot already holds the loaded and linked classes (SDK
 * marshallers, XML/JSON parsers, SigV4 signing). The benchmark shows a first invocation costs 2-3 times
 * a second one; that difference is what priming moves out of a restored cold start. Outside a SnapStart
 * init (on-demand cold starts, the dev server, tests) it does nothing, so init stays small.
 */
public final class SnapStartPriming {

    private static final JsonLog LOG = JsonLog.forClass(SnapStartPriming.class);

    private SnapStartPriming() {
    }

    /** True while Lambda initialises a version for a SnapStart snapshot. */
    public static boolean isSnapshotInit() {
        return "snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
    }

    /** Runs {@code reads} against {@code adapter} when this is a snapshot init; returns the adapter. */
    public static <T> T primed(T adapter, Consumer<T> reads) {
        return primed(adapter, reads, isSnapshotInit());
    }

    static <T> T primed(T adapter, Consumer<T> reads, boolean snapshotInit) {
        if (!snapshotInit) {
            return adapter;
        }
        long start = System.nanoTime();
        try {
            reads.accept(adapter);
            LOG.info("primed for SnapStart", Map.of("ms", (System.nanoTime() - start) / 1_000_000));
        } catch (RuntimeException e) {
            // Priming is an optimisation: a failed read (permissions, throttling) must not fail the deployment.
            LOG.warn("priming for SnapStart failed; the first request will be slower",
                    Map.of("errorType", e.getClass().getName(), "ms", (System.nanoTime() - start) / 1_000_000));
        }
        return adapter;
    }
}
