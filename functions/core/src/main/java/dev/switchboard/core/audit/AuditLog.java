package dev.switchboard.core.audit;

import dev.switchboard.core.log.JsonLog;
import dev.switchboard.core.metrics.AuditMetrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON line per state change: who ({@code actor}, and {@code actorSub}: the token's {@code sub}), from where ({@code sourceIp}), what
 * ({@code action} on {@code target}), and how it ended ({@code result}), plus details such as before
 * and after. Query in CloudWatch Logs Insights with {@code filter type = "audit"}.
 */
public final class AuditLog {

    private static final JsonLog LOG = JsonLog.forClass(AuditLog.class);

    public void record(AuditEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "audit");
        fields.put("actor", event.actor());
        // Always present (null without a token) so a query can tell "no token" from "field forgotten".
        fields.put("actorSub", event.actorSub());
        fields.put("sourceIp", event.sourceIp());
        fields.put("action", event.action());
        fields.put("target", event.target());
        fields.put("result", event.result());
        event.details().forEach(fields::putIfAbsent);
        LOG.record("audit " + event.action() + " " + event.result(), fields);
        AuditMetrics.record(event);
    }
}
