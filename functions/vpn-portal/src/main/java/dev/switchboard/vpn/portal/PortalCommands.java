package dev.switchboard.vpn.portal;

import dev.switchboard.core.audit.Actor;
import dev.switchboard.core.http.Command;
import dev.switchboard.core.http.LambdaDispatcher;
import dev.switchboard.core.http.RequestedBy;
import dev.switchboard.core.http.SwitchboardException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Direct invocations ({@code sam local invoke}, {@code aws lambda invoke}, schedules), authorised by IAM:
 * {@code {"command":"on"|"off"|"status"|"repair","requestedBy":"..."}}; {@code action}, the verb's name before
 * the envelope was shared by all functions, is still accepted (the morning schedule of older stacks sends it).
 * {@code repair} is the schedule's: it re-creates routes and retries a failed subnet after a turn-on (what a read
 * no longer does), never turns on. {@code off} needs no confirmation here: the caller already holds {@code lambda:InvokeFunction} and typed the
 * command on purpose.
 */
final class PortalCommands implements LambdaDispatcher.Commands {

    private final VpnService service;

    PortalCommands(VpnService service) {
        this.service = service;
    }

    private static final Command.Spec SPEC = Command.Spec.of("on", "off", "status", "repair").withAlias("action");

    @Override
    public Command.Spec spec() {
        return SPEC;
    }

    @Override
    public Object handle(Command command) {
        String requestedBy = command.requestedBy();
        String name = command.name();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("command", name);
        switch (name) {
            case "status" -> out.put("status", StatusJson.of(service.status()));
            case "repair" -> out.put("status", StatusJson.of(service.repair(Actor.direct(requestedBy))));
            case "on" -> {
                TurnOnResult r = service.turnOn(Actor.direct(requestedBy));
                if (r.outcome() == TurnOnResult.Outcome.TURNING_OFF) {
                    throw new SwitchboardException(PortalErrors.TURNING_OFF);
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
                out.put("status", StatusJson.of(r.status()));
            }
            default -> throw new IllegalStateException("not in the spec: " + name);
        }
        return out;
    }
}
