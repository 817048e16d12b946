package dev.switchboard.vpn.autooff;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.LambdaDispatcher;
import dev.switchboard.core.http.LambdaIo;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.log.JsonLog;
import dev.switchboard.vpn.ClientVpn;
import dev.switchboard.vpn.Ec2ClientVpn;
import dev.switchboard.vpn.VpnSettings;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;

/**
 * The auto-off function: EventBridge Scheduler (or a classic EventBridge rule, or an administrator with
 * {@code lambda:InvokeFunction}) sends {@code {"mode":"force"|"idle","dryRun":...}}; it answers with the
 * run's summary, or {@code {"ok":false,"status","error","message"}} when the event is refused or AWS could
 * not be read. It is not behind the ALB, so ALB requests are refused.
 */
public final class VpnAutoOffHandler implements RequestStreamHandler {

    private static final JsonLog LOG = JsonLog.forClass(VpnAutoOffHandler.class);

    private final AutoOffService service;

    /** Lambda's constructor: real dependencies, built once per container. */
    public VpnAutoOffHandler() {
        this(Env.system());
    }

    /** The same from a given configuration: the dev server runs the function in-process with one. */
    public VpnAutoOffHandler(Env env) {
        this(VpnSettings.from(env), Ec2ClientVpn.create(env.required("AWS_REGION")), Clock.systemUTC(), new AuditLog());
    }

    VpnAutoOffHandler(VpnSettings settings, ClientVpn vpn, Clock clock, AuditLog audit) {
        this.service = new AutoOffService(settings, vpn, clock, audit);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        LambdaIo.write(output, handle(input));
    }

    Object handle(InputStream input) {
        try {
            JsonNode event = LambdaIo.readEvent(input);
            return service.run(AutoOffRequest.parse(event));
        } catch (SwitchboardException e) {
            if (e.status() >= 500) {
                LOG.error(e.userMessage(), Map.of("status", e.status(), "code", e.code()),
                        e.getCause() != null ? e.getCause() : e);
            } else {
                LOG.warn("event refused", Map.of("status", e.status(), "code", e.code()));
            }
            return LambdaDispatcher.commandError(e);
        } catch (RuntimeException e) {
            LOG.error("unexpected failure", Map.of(), e);
            return LambdaDispatcher.commandError(
                    new SwitchboardException(500, "internal_error", "An unexpected error occurred."));
        }
    }
}
