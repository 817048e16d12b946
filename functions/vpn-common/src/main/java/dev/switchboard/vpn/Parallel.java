package dev.switchboard.vpn;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Starts independent AWS calls at the same time, so that they cost one round trip instead of one each. The
 * SDK's synchronous client is thread-safe. The threads are daemons, made when first needed and kept for the
 * next invocation (a cached pool: an idle thread ends after a minute), so no thread outlives its use by much
 * and none is made at init.
 */
public final class Parallel {

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "switchboard-aws");
        t.setDaemon(true);
        return t;
    });

    private Parallel() {
    }

    /** Starts the call on another thread. */
    public static <T> CompletableFuture<T> start(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, POOL);
    }

    /** An answer known without calling anyone, where a call would otherwise have been started. */
    public static <T> CompletableFuture<T> known(T answer) {
        return CompletableFuture.completedFuture(answer);
    }

    /**
     * Waits until every call has answered or failed, so that none is still running when the caller goes on
     * (a failure of one must not leave another writing after the request has been answered).
     */
    public static void settle(Collection<? extends CompletableFuture<?>> calls) {
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    }

    /** The call's answer, or the exception it threw, as it threw it (a domain exception stays one). */
    public static <T> T join(CompletableFuture<T> call) {
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
