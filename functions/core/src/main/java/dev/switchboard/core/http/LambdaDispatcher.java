package dev.switchboard.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.identity.Employee;
import dev.switchboard.core.identity.IdentityVerifier;
import dev.switchboard.core.log.JsonLog;
import dev.switchboard.core.text.CoreErrors;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared front of every function: an ALB request is verified (no valid identity → 401, nothing
 * done) and handed to the page routes; any other event is a direct command authorised by IAM (whoever may
 * {@code lambda:InvokeFunction}). Errors are handled here, once: logged, and turned into a safe answer.
 */
public final class LambdaDispatcher {

    /** The page side of a function. */
    @FunctionalInterface
    public interface Routes {
        AlbResponse handle(AlbRequest request, Employee employee, Lang lang);
    }

    /** The direct-command side of a function: returns a JSON-serialisable result. */
    @FunctionalInterface
    public interface Commands {
        Object handle(JsonNode command);
    }

    private static final JsonLog LOG = JsonLog.forClass(LambdaDispatcher.class);

    private final IdentityVerifier identity;
    private final Routes routes;
    private final Commands commands;
    private final String homePath;

    /**
     * @param homePath the function's read-only page, where error pages lead ({@code /status}, {@code /connect});
     *                 never {@code /}, which turns the VPN on
     */
    public LambdaDispatcher(IdentityVerifier identity, Routes routes, Commands commands, String homePath) {
        this.identity = identity;
        this.routes = routes;
        this.commands = commands;
        this.homePath = homePath;
    }

    /** Reads one event and returns what the function answers (an {@link AlbResponse} or a command result). */
    public Object dispatch(InputStream input) {
        JsonNode event;
        try {
            event = LambdaIo.readEvent(input);
        } catch (SwitchboardException e) {
            LOG.warn("unreadable event", Map.of("status", e.status(), "code", e.code()));
            return commandError(e);
        }
        return AlbRequest.isAlbEvent(event) ? dispatchAlb(event) : dispatchCommand(event);
    }

    public AlbResponse dispatchAlb(JsonNode event) {
        Lang lang = Lang.fromAcceptLanguage(event.path("headers").path("accept-language").asText(""));
        boolean json = false;
        String path = event.path("path").asText("/");
        try {
            AlbRequest request = AlbRequest.from(event);
            json = request.answersInJson();
            Employee employee = identity.verify(request.headers());
            return routes.handle(request, employee, lang);
        } catch (SwitchboardException e) {
            logHandled(e, Map.of("path", path, "status", e.status(), "code", e.code()));
            return ErrorResponses.render(e, json, lang, homePath);
        } catch (RuntimeException e) {
            LOG.error("unexpected failure", Map.of("path", path), e);
            return ErrorResponses.unexpected(json, lang, homePath);
        }
    }

    public Object dispatchCommand(JsonNode command) {
        try {
            return commands.handle(command);
        } catch (SwitchboardException e) {
            logHandled(e, Map.of("command", command.path("action").asText(command.path("mode").asText("")),
                    "status", e.status(), "code", e.code()));
            return commandError(e);
        } catch (RuntimeException e) {
            LOG.error("unexpected failure", Map.of("command", command.path("action").asText("")), e);
            return commandError(new SwitchboardException(CoreErrors.INTERNAL_ERROR));
        }
    }

    private static void logHandled(SwitchboardException e, Map<String, Object> fields) {
        if (e.status() >= 500) {
            LOG.error(e.userMessage(), fields, e.getCause() != null ? e.getCause() : e);
        } else {
            Map<String, Object> withCause = new LinkedHashMap<>(fields);
            if (e.getCause() != null) {
                withCause.put("reason", String.valueOf(e.getCause().getMessage()));
            }
            LOG.warn(e.userMessage(), withCause);
        }
    }

    /**
     * The JSON answer of a failed direct command: {@code ok:false}, the status an HTTP caller would get, a stable
     * code, and the English message (a direct invoke has no language to ask for).
     */
    public static Map<String, Object> commandError(SwitchboardException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", false);
        body.put("status", e.status());
        body.putAll(ErrorResponses.jsonBody(e, Lang.EN));
        return body;
    }
}
