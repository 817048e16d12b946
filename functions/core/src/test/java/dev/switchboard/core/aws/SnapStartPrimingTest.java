package dev.switchboard.core.aws;

import org.crac.Context;
import org.crac.Resource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SnapStartPrimingTest {

    /** A stand-in for Lambda's org.crac context: records registrations, checkpoints on demand. */
    static final class RecordingContext extends Context<Resource> {
        final List<Resource> registered = new ArrayList<>();

        @Override
        public void register(Resource resource) {
            registered.add(resource);
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) throws org.crac.CheckpointException {
            for (Resource r : registered) {
                try {
                    r.beforeCheckpoint(this);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
        }
    }

    @Test
    void register_primesAtTheCheckpoint_notBefore() throws Exception {
        AtomicInteger primed = new AtomicInteger();
        RecordingContext context = new RecordingContext();

        SnapStartPriming.register(primed::incrementAndGet, context);

        assertThat(primed).hasValue(0);
        context.beforeCheckpoint(null);
        assertThat(primed).hasValue(1);
    }

    @Test
    void register_outsideASnapshotInit_registersNothing() {
        // The test JVM is not a SnapStart init: the public entry point must not touch org.crac at all.
        assertThat(SnapStartPriming.isSnapshotInit()).isFalse();
        AtomicInteger primed = new AtomicInteger();

        SnapStartPriming.register(primed::incrementAndGet);

        assertThat(primed).hasValue(0);
    }
}
