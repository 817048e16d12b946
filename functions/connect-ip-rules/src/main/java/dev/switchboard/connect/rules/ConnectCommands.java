package dev.switchboard.connect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.http.LambdaDispatcher;
import dev.switchboard.core.http.RequestedBy;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.log.JsonLog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Direct invocations ({@code sam local invoke}, {@code aws lambda invoke}), authorised by IAM:
 * {@code {"command": "show"|"check"|"allow"|"block"|"remove"|"set-sessions"|"reset", ..., "requestedBy": "..."}}.
 * Same validation as the page; no lockout check (an invoker has no browser address to lose).
 */
final class ConnectCommands implements LambdaDispatcher.Commands {

    static final List<String> COMMANDS = List.of("show", "check", "allow", "block", "remove", "set-sessions", "reset");

    private static final JsonLog LOG = JsonLog.forClass(ConnectCommands.class);

    private final ConnectIpRulesService service;

    ConnectCommands(ConnectIpRulesService service) {
        this.service = service;
    }

    @Override
    public Object handle(JsonNode command) {
        String name = command.path("command").asText("");
        if (!COMMANDS.contains(name)) {
            throw SwitchboardException.badRequest("unknown_command", "Unknown command '" + IpEntry.shorten(name)
                    + "': use one of " + String.join(", ", COMMANDS) + ".");
        }
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
                    return ProfileJson.change(service.change(request, Actor.direct(RequestedBy.of(command))));
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
            throw SwitchboardException.badRequest("invalid_field", "'" + field + "' must be a string.");
        }
        return node.textValue();
    }
}
