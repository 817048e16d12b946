package dev.switchboard.core.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.identity.Employee;
import dev.switchboard.core.identity.IdentityVerifier;
import dev.switchboard.core.log.JsonLog;
import dev.switchboard.core.metrics.ErrorMetrics;
import dev.switchboard.core.text.CoreErrors;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one edge of every function. The event is read strictly ({@link LambdaIo#readEvent}: a duplicate key or
 * trailing content is refused before anything runs). An ALB request is verified (no valid identity → 401, nothing
 * done) and handed to the page routes; any other event is a direct command in the one envelope
 * ({@link Command}), authorised by IAM (whoever may {@code lambda:InvokeFunction}). Errors are handled here,
 * once: logged in English with their reason, and turned into a safe answer.
 */
public final class LambdaDispatcher {

    /** The page side of a function. */
    @FunctionalInterface
    public interface Routes {
        AlbResponse handle(AlbRequest request, Employee employee, Lang lang);
    }

    /** The direct-command side of a function. */
    public interface Commands {
        /** The commands it takes, and whether an older name of the verb field is still accepted. */
        Command.Spec spec();

        /** Runs one command; returns a JSON-serialisable result. */
        Object handle(Command command);
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

    /** A function that is not behind the ALB (the scheduled auto-off): ALB requests are refused. */
    public static LambdaDispatcher commandsOnly(Commands commands) {
        return new LambdaDispatcher(null, null, commands, null);
    }

    /** Reads one event and returns what the function answers (an {@link AlbResponse} or a command result). */
    public Object dispatch(InputStream input) {
        ObjectNode event;
        try {
            event = LambdaIo.readEvent(input);
        } catch (SwitchboardException e) {
            logHandled(e, Map.of("event", "unreadable"));
            return commandError(e);
        }
        if (AlbRequest.isAlbEvent(event)) {
            if (routes == null) {
                SwitchboardException e = new SwitchboardException(CoreErrors.ALB_NOT_SUPPORTED);
                logHandled(e, Map.of("event", "alb"));
                return commandError(e);
            }
            return dispatchAlb(event);
        }
        return dispatchCommand(event);
    }

    public AlbResponse dispatchAlb(ObjectNode event) {
        Lang lang = Lang.fromAcceptLanguage(event.path("headers").path("accept-language").asText(""));
        boolean json = false;
        String path = event.path("path").asText("/");
        try {
            AlbRequest request = AlbRequest.from(event);
            json = request.answersInJson();
            Employee employee = identity.verify(request.headers());
            return routes.handle(request, employee, lang);
        } catch (SwitchboardException e) {
            ErrorMetrics.handled(e);
            logHandled(e, Map.of("path", path));
            return ErrorResponses.render(e, json, lang, homePath);
        } catch (RuntimeException e) {
            LOG.error("unexpected failure", Map.of("path", path), e);
            return ErrorResponses.unexpected(json, lang, homePath);
        }
    }

    public Object dispatchCommand(ObjectNode event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        try {
            Command command = Command.read(event, commands.spec());
            fields.put("command", command.name());
            fields.put("trigger", command.trigger());
            return commands.handle(command);
        } catch (SwitchboardException e) {
            ErrorMetrics.handled(e);
            logHandled(e, fields);
            return commandError(e);
        } catch (RuntimeException e) {
            LOG.error("unexpected failure", fields, e);
            return commandError(new SwitchboardException(CoreErrors.INTERNAL_ERROR));
        }
    }

    /** One line per refusal, in English, with the status, the code and the reason (and the cause's, if any). */
    private static void logHandled(SwitchboardException e, Map<String, Object> context) {
        Map<String, Object> fields = new LinkedHashMap<>(context);
        fields.put("status", e.status());
        fields.put("code", e.code());
        if (e.status() >= 500) {
            LOG.error(e.userMessage(), fields, e.getCause() != null ? e.getCause() : e);
        } else {
            if (e.getCause() != null) {
                fields.put("reason", String.valueOf(e.getCause().getMessage()));
            }
            LOG.warn(e.userMessage(), fields);
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
