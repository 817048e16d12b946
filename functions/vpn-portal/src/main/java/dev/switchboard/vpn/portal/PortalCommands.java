package dev.switchboard.vpn.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.http.LambdaDispatcher;
import dev.switchboard.core.http.RequestedBy;
import dev.switchboard.core.http.SwitchboardException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Direct invocations ({@code sam local invoke}, {@code aws lambda invoke}, schedules), authorised by IAM:
 * {@code {"action":"on"|"off"|"status","requestedBy":"..."}}. {@code off} needs no confirmation here: the
 * caller already holds {@code lambda:InvokeFunction} and typed the command on purpose.
 */
final class PortalCommands implements LambdaDispatcher.Commands {

    static final String DIRECT_INVOKE = RequestedBy.DIRECT_INVOKE;

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
            case "status" -> out.put("status", StatusJson.of(service.status(requestedBy, DIRECT_INVOKE)));
            case "on" -> {
                TurnOnResult r = service.turnOn(requestedBy, DIRECT_INVOKE);
                if (r.outcome() == TurnOnResult.Outcome.TURNING_OFF) {
                    throw SwitchboardException.conflict("turning_off",
                            "The VPN is being turned off. Wait until it is off, then turn it on again.");
                }
                out.put("outcome", r.outcome() == TurnOnResult.Outcome.STARTED ? "started" : "already-on");
                out.put("startedSubnets", r.startedSubnets());
                out.put("status", StatusJson.of(r.status()));
            }
            case "off" -> {
                TurnOffResult r = service.turnOff(requestedBy, DIRECT_INVOKE, true);
                out.put("outcome", r.outcome() == TurnOffResult.Outcome.STARTED ? "started" : "already-off");
                out.put("disassociatedSubnets", r.disassociatedSubnets());
                out.put("activeConnectionsCut", r.activeConnections());
                out.put("status", StatusJson.of(r.status()));
            }
            default -> throw SwitchboardException.badRequest("unknown_action",
                    "Unknown action '" + abbreviate(name.isEmpty() && action != null ? action.toString() : name)
                            + "'. Valid actions: on, off, status.");
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
