package dev.switchboard.core.metrics;

import dev.switchboard.core.audit.AuditEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state-change metrics, read off the audit events: every state change already writes exactly one audit
 * line, so counting there needs no edit where the change is made and cannot drift from the audit trail.
 *
 * <ul>
 *   <li>{@code vpn.on} that started associations: {@code TurnOns}; result {@code partial} (a subnet refused):
 *       also {@code AssociationFailures}.</li>
 *   <li>{@code vpn.off}: {@code TurnOffs} by reason ({@code idle}, {@code nightly} for auto-off's scheduled
 *       run, {@code admin} for the portal's turn-off and direct commands, which only administrators may use);
 *       {@code ConnectionsCut}. A result other than {@code ok} (partial, failed) from auto-off is a
 *       {@code TurnOffFailures}, the alarm's metric.</li>
 *   <li>{@code vpn.retry} (a failed association found and retried): {@code AssociationFailures}.</li>
 *   <li>{@code connect.*} with result {@code ok}: {@code ConnectChanges}.</li>
 * </ul>
 */
public final class AuditMetrics {

    static final String AUTO_OFF_ACTOR = "auto-off:";

    private AuditMetrics() {
    }

    public static void record(AuditEvent event) {
        String action = event.action();
        String result = event.result();
        if (action.equals("vpn.on") && (result.equals("ok") || result.equals("partial"))) {
            List<Metrics.Datum> data = new ArrayList<>();
            data.add(new Metrics.Datum(Metrics.TURN_ONS, 1));
            if (result.equals("partial")) {
                data.add(new Metrics.Datum(Metrics.ASSOCIATION_FAILURES, 1));
            }
            Metrics.emit(Map.of(), data);
        } else if (action.equals("vpn.retry")) {
            Metrics.count(Metrics.ASSOCIATION_FAILURES);
        } else if (action.equals("vpn.off")) {
            recordTurnOff(event);
        } else if (action.startsWith("connect.") && result.equals("ok")) {
            Metrics.count(Metrics.CONNECT_CHANGES);
        }
    }

    private static void recordTurnOff(AuditEvent event) {
        String reason = reason(event);
        boolean turnedSomethingOff = !listOf(event.details().get("subnets")).isEmpty();
        List<Metrics.Datum> data = new ArrayList<>();
        if (turnedSomethingOff) {
            data.add(new Metrics.Datum(Metrics.TURN_OFFS, 1));
        }
        if (event.actor().startsWith(AUTO_OFF_ACTOR) && !event.result().equals("ok")) {
            data.add(new Metrics.Datum(Metrics.TURN_OFF_FAILURES, 1));
        }
        Metrics.emit(Map.of(Metrics.REASON, reason), data);
        int cut = number(event.details().get("activeConnectionsCut")) + number(event.details().get("activeConnectionsCutOff"));
        if (turnedSomethingOff && cut > 0) {
            Metrics.emit(Map.of(), List.of(new Metrics.Datum(Metrics.CONNECTIONS_CUT, cut)));
        }
    }

    /** {@code idle}, {@code nightly} (auto-off's scheduled run, or an idle check finishing it) or {@code admin}. */
    static String reason(AuditEvent event) {
        if (!event.actor().startsWith(AUTO_OFF_ACTOR)) {
            return "admin";
        }
        Object mode = event.details().get("mode");
        return "idle".equals(mode) || mode == null && event.actor().equals(AUTO_OFF_ACTOR + "idle") ? "idle" : "nightly";
    }

    private static List<?> listOf(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
