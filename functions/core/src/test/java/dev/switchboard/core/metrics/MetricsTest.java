package dev.switchboard.core.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.config.ConfigurationException;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.log.JsonLog;
import dev.switchboard.core.testing.EmfDocuments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricsTest {

    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Consumer<String> previous;
    private JsonLog.Level previousLevel;

    @BeforeEach
    void capture() {
        previous = JsonLog.redirect(lines::add);
        previousLevel = JsonLog.threshold(JsonLog.Level.INFO);
        Metrics.configureForTests(Clock.fixed(NOW, ZoneOffset.UTC), "Switchboard/test-stack");
    }

    @AfterEach
    void restore() {
        JsonLog.redirect(previous);
        JsonLog.threshold(previousLevel);
        Metrics.configureForTests(Clock.systemUTC(), Metrics.DEFAULT_NAMESPACE);
    }

    @Test
    void count_withDimension_isAValidEmfDocumentCloudWatchExtractsAsOneCount() throws IOException {
        Metrics.count(Metrics.TURN_OFFS, Metrics.REASON, "idle");

        assertThat(lines).hasSize(1);
        assertThat(EmfDocuments.problems(lines.get(0), NOW)).isEmpty();
        assertThat(EmfDocuments.metrics(lines)).containsExactly(new EmfDocuments.Datum("Switchboard/test-stack",
                Map.of("Reason", "idle"), "TurnOffs", 1, "Count"));
        JsonNode line = Json.mapper().readTree(lines.get(0));
        assertThat(line.path("_aws").path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(line.path("type").asText()).isEqualTo("metrics");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
    }

    @Test
    void emit_noDimensionSeveralMetrics_oneDocumentWithAnEmptyDimensionSet() {
        Metrics.emit(Map.of(), List.of(new Metrics.Datum(Metrics.SUBNETS_ASSOCIATED, 2),
                new Metrics.Datum(Metrics.ACTIVE_CONNECTIONS, 0)));

        assertThat(EmfDocuments.problems(lines.get(0), NOW)).isEmpty();
        assertThat(lines.get(0)).contains("\"Dimensions\":[[]]");
        assertThat(EmfDocuments.metrics(lines)).extracting(EmfDocuments.Datum::name, EmfDocuments.Datum::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SubnetsAssociated", 2.0),
                        org.assertj.core.groups.Tuple.tuple("ActiveConnections", 0.0));
    }

    @Test
    void emit_logLevelAboveInfo_metricsAreStillWritten() {
        JsonLog.threshold(JsonLog.Level.ERROR);

        Metrics.count(Metrics.CONNECT_CHANGES);

        assertThat(EmfDocuments.metrics(lines)).extracting(EmfDocuments.Datum::name).containsExactly("ConnectChanges");
    }

    @Test
    void emit_dimensionValueOutsideTheFixedSet_refusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> Metrics.count(Metrics.TURN_OFFS, Metrics.REASON, "someone@example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Reason=someone@example.com");
        assertThatThrownBy(() -> Metrics.count(Metrics.TURN_OFFS, "Email", "x"))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(lines).isEmpty();
    }

    @Test
    void emit_nothingToSay_writesNoLine() {
        Metrics.emit(Map.of(), List.of());

        assertThat(lines).isEmpty();
    }

    @Test
    void namespace_environment_defaultStackNamespaceOrRefused() {
        assertThat(Metrics.namespace(Env.of(Map.of()))).isEqualTo("Switchboard");
        assertThat(Metrics.namespace(Env.of(Map.of("METRICS_NAMESPACE", "Switchboard/prod-vpn")))).isEqualTo("Switchboard/prod-vpn");
        assertThatThrownBy(() -> Metrics.namespace(Env.of(Map.of("METRICS_NAMESPACE", "bad{namespace}"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("METRICS_NAMESPACE");
    }

    @Test
    void dimensionValues_everyMetricCombination_fewEnoughToCountByHand() {
        // The bill: each metric name with each dimension value it is emitted under is one custom metric.
        int dimensioned = Metrics.DIMENSION_VALUES.get(Metrics.REASON).size() * 2  // TurnOffs, TurnOffFailures
                + Metrics.DIMENSION_VALUES.get(Metrics.SERVICE).size()           // Throttles
                + Metrics.DIMENSION_VALUES.get(Metrics.KIND).size();             // IdentityFailures
        int plain = 6; // TurnOns, ConnectionsCut, SubnetsAssociated, ActiveConnections, AssociationFailures, ConnectChanges

        assertThat(dimensioned + plain).isEqualTo(22);
    }
}
