package dev.switchboard.vpn.autooff;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Starts a run's independent AWS calls at the same time, so that they cost one round trip instead of one each.
 * The SDK's synchronous client is thread-safe; the threads are daemons, made when first needed and kept for
 * the next invocation.
 */
final class Parallel {

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "auto-off-aws");
        t.setDaemon(true);
        return t;
    });

    private Parallel() {
    }

    static <T> CompletableFuture<T> start(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, POOL);
    }

    /** The call's answer, or the exception it threw, as it threw it (a domain exception stays one). */
    static <T> T join(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
