package dev.switchboard.vpn.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.audit.Actor;
import dev.switchboard.core.http.LambdaDispatcher;
import dev.switchboard.core.http.RequestedBy;
import dev.switchboard.core.http.SwitchboardException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Direct invocations ({@code sam local invoke}, {@code aws lambda invoke}, schedules), authorised by IAM:
 * {@code {"action":"on"|"off"|"status"|"repair","requestedBy":"..."}}. {@code repair} is the schedule's: it
 * re-creates routes and retries a failed subnet after a turn-on (what a read no longer does), never turns on. {@code off} needs no confirmation here: the
 * caller already holds {@code lambda:InvokeFunction} and typed the command on purpose.
 */
final class PortalCommands implements LambdaDispatcher.Commands {

    private final VpnService service;

    PortalCommands(VpnService service) {
        this.service = service;
    }

    @Override
    public Object handle(JsonNode command) {
        JsonNode action = command.get("action");
        String requestedBy = RequestedBy.of(command);
        String name = action != null && action.isTextual() ? action.asText() : "";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("action", name);
        switch (name) {
            case "status" -> out.put("status", StatusJson.of(service.status()));
            case "repair" -> out.put("status", StatusJson.of(service.repair(Actor.direct(requestedBy))));
            case "on" -> {
                TurnOnResult r = service.turnOn(Actor.direct(requestedBy));
                if (r.outcome() == TurnOnResult.Outcome.TURNING_OFF) {
                    throw SwitchboardException.conflict("turning_off",
                            "The VPN is being turned off. Wait until it is off, then turn it on again.");
                }
                out.put("outcome", r.outcome() == TurnOnResult.Outcome.STARTED ? "started" : "already-on");
                out.put("startedSubnets", r.startedSubnets());
                out.put("status", StatusJson.of(r.status()));
            }
            case "off" -> {
                TurnOffResult r = service.turnOff(Actor.direct(requestedBy), true);
                out.put("ok", r.failedSubnets().isEmpty());
                out.put("outcome", switch (r.outcome()) {
                    case STARTED -> "started";
                    case PARTIAL -> "partial";
                    default -> "already-off";
                });
                out.put("disassociatedSubnets", r.disassociatedSubnets());
                out.put("failedSubnets", r.failedSubnets());
                out.put("activeConnectionsCut", r.activeConnections());
                out.put("recorded", r.recorded());
                out.put("status", r.status() == null ? null : StatusJson.of(r.status()));
            }
            default -> throw SwitchboardException.badRequest("unknown_action",
                    "Unknown action '" + abbreviate(name.isEmpty() && action != null ? action.toString() : name)
                            + "'. Valid actions: on, off, status, repair.");
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
