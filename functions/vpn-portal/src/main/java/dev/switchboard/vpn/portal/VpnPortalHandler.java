package dev.switchboard.vpn.portal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.aws.Priming;
import dev.switchboard.core.aws.SnapStartPriming;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.config.IdentityConfig;
import dev.switchboard.core.http.LambdaDispatcher;
import dev.switchboard.core.http.LambdaIo;
import dev.switchboard.core.log.Invocation;
import dev.switchboard.core.identity.AdminEmails;
import dev.switchboard.core.identity.AlbIdentityVerifier;
import dev.switchboard.core.identity.IdentityVerifier;
import dev.switchboard.core.identity.PrimingIdentity;
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
 * The VPN portal function: the employee page behind the ALB and the direct commands. Everything is built
 * once per container from the environment; a configuration error fails the init, naming the variable.
 */
public final class VpnPortalHandler implements RequestStreamHandler {

    private final LambdaDispatcher dispatcher;

    public VpnPortalHandler() {
        this(Env.system());
        SnapStartPriming.register(VpnPortalHandler::prime);
    }

    /** The same from a given configuration: the dev server runs the function in-process with one. */
    public VpnPortalHandler(Env env) {
        this(env, Clock.systemUTC());
    }

    /** The same on a given clock: the dev server moves one clock for the emulator and the functions. */
    public VpnPortalHandler(Env env, Clock clock) {
        this(IdentityConfig.from(env), VpnSettings.from(env), clock);
    }

    private VpnPortalHandler(IdentityConfig identity, VpnSettings settings, Clock clock) {
        this(new AlbIdentityVerifier(identity), identity.adminEmails(), settings, Ec2ClientVpn.create(identity.region()),
                clock, new AuditLog());
    }

    VpnPortalHandler(IdentityVerifier verifier, AdminEmails admins, VpnSettings settings, ClientVpn vpn, Clock clock,
                     AuditLog audit) {
        VpnService service = new VpnService(settings, vpn, clock, audit);
        this.dispatcher = new LambdaDispatcher(verifier, new PortalRoutes(service, admins), new PortalCommands(service),
                PortalRoutes.READ_ONLY_PAGE);
    }

    /**
     * Runs what a first visitor's requests run, on a twin over canned EC2 answers and the priming
     * identity (see {@link Priming}): the page in both languages (the VPN off, so turning on), the status
     * refresh, the status command. Calls no AWS API. SnapStart runs it before the snapshot; the build's
     * training run records the class-data-sharing archive from it.
     */
    public static void prime() {
        Priming.quietly("vpn-portal", () -> primingRun());
    }

    /** The priming requests' answers, in order (a test checks they took the real, successful paths). */
    static List<String> primingRun() {
        Env env = Priming.environment();
        IdentityConfig identity = IdentityConfig.from(env);
        try (Ec2Client ec2 = Priming.client(Ec2Client.builder(), Priming.cannedHttp(CannedEc2.answers(false)))) {
            VpnPortalHandler twin = new VpnPortalHandler(PrimingIdentity.verifier(identity), identity.adminEmails(),
                    VpnSettings.from(env), new Ec2ClientVpn(ec2), Clock.systemUTC(), new AuditLog());
            return Priming.run(twin, List.of(PrimingIdentity.albGet("/", "ja"),
                    PrimingIdentity.albGet("/", "en-US"), PrimingIdentity.albGet("/status", "ja"),
                    Priming.command("{\"command\":\"status\"}")));
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        try (Invocation invocation = Invocation.begin(context)) {
            LambdaIo.write(output, dispatcher.dispatch(input));
        }
    }

    /** For in-process callers (the dev server, browser tests): the same as {@link #handleRequest}. */
    public Object handle(InputStream input) {
        return dispatcher.dispatch(input);
    }
}
