package dev.switchboard.connect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.metrics.Metrics;
import dev.switchboard.core.testing.EmfDocuments;
import dev.switchboard.emulator.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Connect function's metrics, read back from what it printed as CloudWatch Logs would extract them. */
class ConnectMetricsTest extends ConnectTestSupport {

    @BeforeEach
    void stackNamespace() {
        Metrics.configureForTests(Clock.systemUTC(), "Switchboard/test-stack");
    }

    @AfterEach
    void defaultNamespace() {
        Metrics.configureForTests(Clock.systemUTC(), Metrics.DEFAULT_NAMESPACE);
    }

    private List<String> metrics() {
        assertThat(logLines.stream().filter(EmfDocuments::isEmf))
                .allSatisfy(line -> assertThat(EmfDocuments.problems(line, emu.now())).isEmpty());
        return EmfDocuments.metrics(logLines).stream()
                .map(d -> d.name() + d.dimensions() + "=" + (long) d.value()).toList();
    }

    @Test
    void allow_changeMade_countsOneConnectChange() {
        JsonNode out = command("{\"command\":\"allow\",\"entries\":[\"192.0.2.0/24\"]}");

        assertThat(out.path("ok").asBoolean()).isTrue();
        assertThat(metrics()).containsExactly("ConnectChanges{}=1");
    }

    @Test
    void allow_invalidEntry_changesNothingAndCountsNothing() {
        JsonNode out = command("{\"command\":\"allow\",\"entries\":[\"10.0.0.0/33\"]}");

        assertThat(out.path("ok").asBoolean()).isFalse();
        assertThat(logLines.stream().filter(EmfDocuments::isEmf)).isEmpty();
    }

    @Test
    void show_connectThrottledThroughout_countsAConnectThrottle() {
        emu.injectFault(Fault.throttle("connect", 100));

        JsonNode out = command("{\"command\":\"show\"}");

        assertThat(out.path("ok").asBoolean()).isFalse();
        assertThat(metrics()).containsExactly("Throttles{Service=connect}=1");
    }
}
