package dev.switchboard.vpn.autooff;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.aws.Priming;
import dev.switchboard.core.aws.SnapStartPriming;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.Command;
import dev.switchboard.core.http.LambdaDispatcher;
import dev.switchboard.core.http.LambdaIo;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.log.Invocation;
import dev.switchboard.vpn.CannedEc2;
import dev.switchboard.vpn.ClientVpn;
import dev.switchboard.vpn.Ec2ClientVpn;
import dev.switchboard.vpn.VpnSettings;

import software.amazon.awssdk.services.ec2.Ec2Client;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;

/**
 * The auto-off function: EventBridge Scheduler (or a classic EventBridge rule, or an administrator with
 * {@code lambda:InvokeFunction}) sends {@code {"command":"force"|"idle","dryRun":...}} ({@link AutoOffRequest});
 * it answers with the run's summary, or {@code {"ok":false,"status","error","message"}} when the event is refused
 * or AWS could not be read. Events go through the same strict reader and dispatcher as the other functions; it is
 * not behind the ALB, so ALB requests are refused.
 */
public final class VpnAutoOffHandler implements RequestStreamHandler {

    private final LambdaDispatcher dispatcher;

    /** Lambda's constructor: real dependencies, built once per container. */
    public VpnAutoOffHandler() {
        this(Env.system());
        SnapStartPriming.register(VpnAutoOffHandler::prime);
    }

    /** The same from a given configuration: the dev server runs the function in-process with one. */
    public VpnAutoOffHandler(Env env) {
        this(env, Clock.systemUTC());
    }

    /** The same on a given clock: the dev server moves one clock for the emulator and the functions. */
    public VpnAutoOffHandler(Env env, Clock clock) {
        this(VpnSettings.from(env), Ec2ClientVpn.create(env.required("AWS_REGION")), clock, new AuditLog());
    }

    VpnAutoOffHandler(VpnSettings settings, ClientVpn vpn, Clock clock, AuditLog audit) {
        this.dispatcher = LambdaDispatcher.commandsOnly(new AutoOffCommands(new AutoOffService(settings, vpn, clock, audit)));
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
            return Priming.run(twin, List.of(Priming.command("{\"command\":\"idle\"}"),
                    Priming.command("{\"command\":\"force\",\"dryRun\":true}")));
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        try (Invocation invocation = Invocation.begin(context)) {
            LambdaIo.write(output, handle(input));
        }
    }

    Object handle(InputStream input) {
        return dispatcher.dispatch(input);
    }

    /** The function's commands: one run of the service per event. */
    private record AutoOffCommands(AutoOffService service) implements LambdaDispatcher.Commands {
        @Override
        public Command.Spec spec() {
            return AutoOffRequest.SPEC;
        }

        @Override
        public Object handle(Command command) {
            AutoOffRequest request = AutoOffRequest.from(command);
            try {
                return AutoOffMetrics.recorded(service.run(request));
            } catch (SwitchboardException e) {
                // Counted here, where the run's mode is known; the dispatcher logs and answers it.
                AutoOffMetrics.failed(request, e);
                throw e;
            }
        }
    }
}
