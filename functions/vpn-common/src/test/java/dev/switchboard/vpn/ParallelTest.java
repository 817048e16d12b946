package dev.switchboard.vpn;

import dev.switchboard.core.http.SwitchboardException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelTest {

    @Test
    void start_twoCalls_runAtTheSameTime() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        CompletableFuture<Boolean> a = Parallel.start(() -> await(both));
        CompletableFuture<Boolean> b = Parallel.start(() -> await(both));

        Parallel.settle(List.of(a, b));

        // Each call waited for the other to start: neither could have finished alone.
        assertThat(Parallel.join(a)).isTrue();
        assertThat(Parallel.join(b)).isTrue();
    }

    @Test
    void join_callThrewDomainException_rethrowsItUnwrapped() {
        SwitchboardException busy = SwitchboardException.because(new RuntimeException(), VpnErrors.VPN_UNAVAILABLE);
        CompletableFuture<String> call = Parallel.start(() -> {
            throw busy;
        });

        assertThatThrownBy(() -> Parallel.join(call)).isSameAs(busy);
    }

    @Test
    void settle_oneCallFails_stillWaitsForTheOthers() {
        AtomicBoolean slowFinished = new AtomicBoolean();
        CompletableFuture<String> fails = Parallel.start(() -> {
            throw new IllegalStateException("refused");
        });
        CompletableFuture<String> slow = Parallel.start(() -> {
            sleep(200);
            slowFinished.set(true);
            return "done";
        });

        Parallel.settle(List.of(fails, slow));

        assertThat(slowFinished).isTrue();
        assertThatThrownBy(() -> Parallel.join(fails)).isInstanceOf(IllegalStateException.class);
    }

    private static boolean await(CountDownLatch latch) {
        latch.countDown();
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
