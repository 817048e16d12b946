package dev.switchboard.core.metrics;

import dev.switchboard.core.audit.AuditEvent;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.log.JsonLog;
import dev.switchboard.core.testing.EmfDocuments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Each audited state change, through the real AuditLog, and the metrics CloudWatch would extract from what it printed. */
class AuditMetricsTest {

    private static final String ENDPOINT = "cvpn-endpoint-0123456789abcdef0";
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Consumer<String> previous;
    private final AuditLog audit = new AuditLog();

    @BeforeEach
    void capture() {
        previous = JsonLog.redirect(lines::add);
        Metrics.configureForTests(Clock.fixed(MetricsTest.NOW, ZoneOffset.UTC), "Switchboard/test-stack");
    }

    @AfterEach
    void restore() {
        JsonLog.redirect(previous);
        Metrics.configureForTests(Clock.systemUTC(), Metrics.DEFAULT_NAMESPACE);
    }

    private List<String> metrics() {
        assertThat(lines.stream().filter(EmfDocuments::isEmf))
                .allSatisfy(line -> assertThat(EmfDocuments.problems(line, MetricsTest.NOW)).isEmpty());
        return EmfDocuments.metrics(lines).stream()
                .map(d -> d.name() + d.dimensions() + "=" + (long) d.value()).toList();
    }

    @Test
    void record_turnOnStarted_countsATurnOn() {
        audit.record(AuditEvent.of("taro@example.com", "198.51.100.7", "vpn.on", ENDPOINT, "ok")
                .with(Map.of("subnets", List.of("subnet-a", "subnet-c"))));

        assertThat(metrics()).containsExactly("TurnOns{}=1");
    }

    @Test
    void record_turnOnPartial_countsTheTurnOnAndAnAssociationFailure() {
        audit.record(AuditEvent.of("taro@example.com", "198.51.100.7", "vpn.on", ENDPOINT, "partial")
                .with(Map.of("subnets", List.of("subnet-a"))));

        assertThat(metrics()).containsExactly("TurnOns{}=1", "AssociationFailures{}=1");
    }

    @Test
    void record_failedAssociationRetried_countsAnAssociationFailure() {
        audit.record(AuditEvent.of("taro@example.com", "198.51.100.7", "vpn.retry", ENDPOINT, "ok")
                .with(Map.of("subnet", "subnet-a")));

        assertThat(metrics()).containsExactly("AssociationFailures{}=1");
    }

    @Test
    void record_adminTurnOffWithPeopleConnected_countsAdminTurnOffAndConnectionsCut() {
        audit.record(AuditEvent.of("hanako@example.com", "198.51.100.9", "vpn.off", ENDPOINT, "ok")
                .with(Map.of("subnets", List.of("subnet-a", "subnet-c"), "activeConnectionsCut", 3)));

        assertThat(metrics()).containsExactly("TurnOffs{Reason=admin}=1", "ConnectionsCut{}=3");
    }

    @Test
    void record_idleAndNightlyTurnOffs_countedByReason() {
        audit.record(AuditEvent.of("auto-off:idle", "schedule", "vpn.off", ENDPOINT, "ok")
                .with(Map.of("mode", "idle", "subnets", List.of("subnet-a"), "activeConnectionsCutOff", 0)));
        audit.record(AuditEvent.of("auto-off:force", "schedule", "vpn.off", ENDPOINT, "ok")
                .with(Map.of("mode", "force", "subnets", List.of("subnet-a"), "activeConnectionsCutOff", 2)));

        assertThat(metrics()).containsExactly("TurnOffs{Reason=idle}=1", "TurnOffs{Reason=nightly}=1",
                "ConnectionsCut{}=2");
    }

    @Test
    void record_nightlyTurnOffPartialOrFailed_countsTheFailureForTheAlarm() {
        audit.record(AuditEvent.of("auto-off:force", "schedule", "vpn.off", ENDPOINT, "partial")
                .with(Map.of("mode", "force", "subnets", List.of("subnet-a"))));
        audit.record(AuditEvent.of("auto-off:force", "schedule", "vpn.off", ENDPOINT, "failed")
                .with(Map.of("mode", "force", "subnets", List.of())));

        assertThat(metrics()).containsExactly("TurnOffs{Reason=nightly}=1", "TurnOffFailures{Reason=nightly}=1",
                "TurnOffFailures{Reason=nightly}=1");
    }

    @Test
    void record_connectChangeMadeOrRefused_onlyTheMadeOneCounts() {
        audit.record(AuditEvent.of("hanako@example.com", "198.51.100.9", "connect.allow", "profile-1", "ok"));
        audit.record(AuditEvent.of("hanako@example.com", "198.51.100.9", "connect.allow", "profile-1", "refused"));

        assertThat(metrics()).containsExactly("ConnectChanges{}=1");
    }

    @Test
    void record_routeRecreated_noMetric() {
        audit.record(AuditEvent.of("taro@example.com", "198.51.100.7", "vpn.route", ENDPOINT, "ok"));

        assertThat(metrics()).isEmpty();
        assertThat(lines).hasSize(1);
    }
}
