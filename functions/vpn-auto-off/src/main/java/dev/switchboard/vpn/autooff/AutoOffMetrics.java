package dev.switchboard.vpn.autooff;

import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.metrics.Metrics;
import dev.switchboard.vpn.Association;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each auto-off run tells CloudWatch besides its audit line: the subnets associated and the active
 * connections it found (the idle check's every few minutes make these the dashboard's time series and the
 * "on with nobody connected" alarm's input), and a run that could not even read or act (the turn-off failed
 * before anything was audited).
 */
final class AutoOffMetrics {

    private AutoOffMetrics() {
    }

    /** Emits the run's gauges and returns the summary unchanged. */
    static AutoOffSummary recorded(AutoOffSummary summary) {
        AutoOffSummary.Found found = summary.found();
        if (found == null || found.associations() == null || summary.dryRun()) {
            return summary;
        }
        long associated = found.associations().stream()
                .filter(a -> Association.ASSOCIATED.equals(a.status()) || Association.ASSOCIATING.equals(a.status()))
                .count();
        List<Metrics.Datum> data = new ArrayList<>();
        data.add(new Metrics.Datum(Metrics.SUBNETS_ASSOCIATED, associated));
        // With nothing associated nobody can be connected; connections are then not read at all.
        Integer active = found.activeConnections() != null ? found.activeConnections() : associated == 0 ? 0 : null;
        if (active != null) {
            data.add(new Metrics.Datum(Metrics.ACTIVE_CONNECTIONS, active));
        }
        Metrics.emit(Map.of(), data);
        return summary;
    }

    /**
     * A run that ended in an error before it could audit anything (EC2 unreadable, throttled, refused): for a
     * scheduled or idle run that is a turn-off that failed. (Throttling itself is counted by the dispatcher.)
     */
    static void failed(AutoOffRequest request, SwitchboardException e) {
        if (request.dryRun() || e.status() < 500) {
            return;
        }
        String reason = request.mode() == AutoOffMode.IDLE ? "idle" : "nightly";
        Metrics.count(Metrics.TURN_OFF_FAILURES, Metrics.REASON, reason);
    }
}
