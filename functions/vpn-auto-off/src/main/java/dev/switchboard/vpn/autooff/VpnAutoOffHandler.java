package dev.switchboard.vpn.autooff;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.aws.Priming;
import dev.switchboard.core.aws.SnapStartPriming;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.LambdaDispatcher;
import dev.switchboard.core.http.LambdaIo;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.log.JsonLog;
import dev.switchboard.vpn.CannedEc2;
import dev.switchboard.vpn.ClientVpn;
import dev.switchboard.vpn.Ec2ClientVpn;
import dev.switchboard.vpn.VpnSettings;

import software.amazon.awssdk.services.ec2.Ec2Client;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
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
        SnapStartPriming.register(VpnAutoOffHandler::prime);
    }

    /** The same from a given configuration: the dev server runs the function in-process with one. */
    public VpnAutoOffHandler(Env env) {
        this(VpnSettings.from(env), Ec2ClientVpn.create(env.required("AWS_REGION")), Clock.systemUTC(), new AuditLog());
    }

    VpnAutoOffHandler(VpnSettings settings, ClientVpn vpn, Clock clock, AuditLog audit) {
        this.service = new AutoOffService(settings, vpn, clock, audit);
    }

    /**
     * Runs the scheduled events on a twin over canned EC2 answers (the VPN on, nobody connected since
     * 2000: the idle check turns it off) without calling AWS; see {@link Priming}. SnapStart runs it
     * before the snapshot; the build's training run records the class-data-sharing archive from it.
     */
    public static void prime() {
        Priming.quietly("vpn-auto-off", () -> primingRun());
    }

    /** The priming requests' answers, in order (a test checks they took the real, successful paths). */
    static List<String> primingRun() {
        try (Ec2Client ec2 = Priming.client(Ec2Client.builder(), Priming.cannedHttp(CannedEc2.answers(true)))) {
            VpnAutoOffHandler twin = new VpnAutoOffHandler(VpnSettings.from(Priming.environment()),
                    new Ec2ClientVpn(ec2), Clock.systemUTC(), new AuditLog());
            return Priming.run(twin, List.of(Priming.command("{\"mode\":\"idle\"}"),
                    Priming.command("{\"mode\":\"force\",\"dryRun\":true}")));
        }
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
