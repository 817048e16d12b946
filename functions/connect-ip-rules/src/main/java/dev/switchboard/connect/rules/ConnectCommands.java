package dev.switchboard.connect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.audit.Actor;
import dev.switchboard.core.http.Command;
import dev.switchboard.core.http.LambdaDispatcher;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.log.JsonLog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Direct invocations ({@code sam local invoke}, {@code aws lambda invoke}), authorised by IAM:
 * {@code {"command": "show"|"check"|"allow"|"block"|"remove"|"set-sessions"|"reset", ..., "requestedBy": "..."}}
 * (the envelope every function shares, {@link Command}).
 * Same validation as the page; no lockout check (an invoker has no browser address to lose).
 */
final class ConnectCommands implements LambdaDispatcher.Commands {

    static final List<String> COMMANDS = List.of("show", "check", "allow", "block", "remove", "set-sessions", "reset");

    private static final JsonLog LOG = JsonLog.forClass(ConnectCommands.class);

    private final ConnectIpRulesService service;

    ConnectCommands(ConnectIpRulesService service) {
        this.service = service;
    }

    private static final Command.Spec SPEC = new Command.Spec(COMMANDS, null, null);

    @Override
    public Command.Spec spec() {
        return SPEC;
    }

    @Override
    public Object handle(Command envelope) {
        String name = envelope.name();
        JsonNode command = envelope.fields();
        String profileId = ChangeRequest.profileId(text(command, "profileId"));
        switch (name) {
            case "show":
                return ProfileJson.view(service.show(profileId));
            case "check": {
                ConnectIpRulesService.CheckResult result = service.check(profileId, text(command, "ip"));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("ok", true);
                body.put("profileId", result.profile().id());
                body.putAll(ProfileJson.verdict(result.verdict()));
                return body;
            }
            default: {
                ChangeRequest request = ChangeRequest.fromJson(command, name, true);
                try {
                    return ProfileJson.change(service.change(request, Actor.direct(envelope.requestedBy())));
                } catch (StaleProfileException e) {
                    LOG.warn(e.userMessage(), Map.of("status", 409, "code", e.code(), "command", name));
                    Map<String, Object> body = ProfileJson.error(e.code(), 409, e.userMessage());
                    body.put("current", ProfileJson.profile(e.current()));
                    return body;
                }
            }
        }
    }

    private static String text(JsonNode command, String field) {
        JsonNode node = command.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new SwitchboardException(ConnectErrors.INVALID_FIELD, field);
        }
        return node.textValue();
    }
}
