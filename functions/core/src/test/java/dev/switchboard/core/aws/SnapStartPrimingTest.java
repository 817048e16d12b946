package dev.switchboard.core.aws;

import dev.switchboard.core.log.JsonLog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class SnapStartPrimingTest {

    @Test
    void primed_onDemandInit_makesNoCall() {
        AtomicInteger calls = new AtomicInteger();

        assertThat(SnapStartPriming.primed("adapter", a -> calls.incrementAndGet(), false)).isEqualTo("adapter");
        assertThat(calls).hasValue(0);
    }

    @Test
    void primed_snapshotInit_runsTheReads() {
        AtomicInteger calls = new AtomicInteger();

        assertThat(SnapStartPriming.primed("adapter", a -> calls.incrementAndGet(), true)).isEqualTo("adapter");
        assertThat(calls).hasValue(1);
    }

    @Test
    void primed_failingRead_isLoggedAndInitGoesOn() {
        List<String> lines = new ArrayList<>();
        Consumer<String> previous = JsonLog.redirect(lines::add);
        try {
            assertThat(SnapStartPriming.primed("adapter", a -> {
                throw new IllegalStateException("AccessDenied");
            }, true)).isEqualTo("adapter");
        } finally {
            JsonLog.redirect(previous);
        }
        assertThat(lines).singleElement().asString().contains("\"level\":\"WARN\"").contains("IllegalStateException");
    }
}
