package dev.switchboard.vpn.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shape of {@link VpnStatus}: stable field names, ISO-8601 instants, no connection details. */
final class StatusJson {

    private StatusJson() {
    }

    static Map<String, Object> of(VpnStatus s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("endpointId", s.endpointId());
        out.put("state", s.state().code());
        List<Map<String, Object>> subnets = new ArrayList<>();
        for (SubnetStatus sub : s.subnets()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("subnetId", sub.subnetId());
            m.put("status", sub.status());
            m.put("associationId", sub.associationId());
            m.put("failed", sub.failed());
            if (sub.message() != null) {
                m.put("message", sub.message());
            }
            subnets.add(m);
        }
        out.put("subnets", subnets);
        out.put("associatedSubnets", s.associatedSubnetIds());
        out.put("failedSubnets", s.failedSubnets().stream().map(SubnetStatus::subnetId).toList());
        out.put("turnedOnBy", s.turnedOnBy());
        out.put("turnedOnBySub", s.turnedOnBySub());
        out.put("turnedOnAt", s.turnedOnAt() == null ? null : s.turnedOnAt().toString());
        out.put("turnedOffBy", s.turnedOffBy());
        out.put("turnedOffBySub", s.turnedOffBySub());
        out.put("turnedOffAt", s.turnedOffAt() == null ? null : s.turnedOffAt().toString());
        out.put("activeConnections", s.activeConnections().size());
        Map<String, Object> off = new LinkedHashMap<>();
        off.put("nightlyAt", s.nightlyOffAt() == null ? null : s.nightlyOffAt().toString());
        off.put("timeZone", s.timeZone().getId());
        off.put("idleMinutes", s.idleMinutes());
        off.put("graceMinutes", s.graceMinutes());
        off.put("nightlyIdleMinutes", s.plan().nightlyIdleMinutes());
        off.put("waitingForTheLastPerson", s.plan().afterNightly());
        off.put("deadline", s.plan().deadline() == null ? null : s.plan().deadline().toString());
        out.put("turnOff", off);
        out.put("usualTurnOnMinutes", "5-10");
        out.put("hourlyCostUsd", Math.round(s.hourlyCostUsd() * 100) / 100.0);
        out.put("checkedAt", s.checkedAt().toString());
        return out;
    }
}
