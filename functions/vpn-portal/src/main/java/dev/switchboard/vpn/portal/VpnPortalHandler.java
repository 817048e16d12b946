package dev.switchboard.vpn.portal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.aws.SnapStartPriming;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.config.IdentityConfig;
import dev.switchboard.core.http.LambdaDispatcher;
import dev.switchboard.core.http.LambdaIo;
import dev.switchboard.core.identity.AdminEmails;
import dev.switchboard.core.identity.AlbIdentityVerifier;
import dev.switchboard.core.identity.IdentityVerifier;
import dev.switchboard.vpn.ClientVpn;
import dev.switchboard.vpn.Ec2ClientVpn;
import dev.switchboard.vpn.VpnSettings;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/**
 * The VPN portal function: the employee page behind the ALB and the direct commands. Everything is built
 * once per container from the environment; a configuration error fails the init, naming the variable.
 */
public final class VpnPortalHandler implements RequestStreamHandler {

    private final LambdaDispatcher dispatcher;

    public VpnPortalHandler() {
        this(Env.system());
    }

    /** The same from a given configuration: the dev server runs the function in-process with one. */
    public VpnPortalHandler(Env env) {
        this(IdentityConfig.from(env), VpnSettings.from(env));
    }

    private VpnPortalHandler(IdentityConfig identity, VpnSettings settings) {
        this(new AlbIdentityVerifier(identity), identity.adminEmails(), settings,
                SnapStartPriming.primed(Ec2ClientVpn.create(identity.region()), vpn -> {
                    vpn.endpoint(settings.endpointId());
                    vpn.associations(settings.endpointId());
                }),
                Clock.systemUTC(), new AuditLog());
    }

    VpnPortalHandler(IdentityVerifier verifier, AdminEmails admins, VpnSettings settings, ClientVpn vpn, Clock clock,
                     AuditLog audit) {
        VpnService service = new VpnService(settings, vpn, clock, audit);
        this.dispatcher = new LambdaDispatcher(verifier, new PortalRoutes(service, admins), new PortalCommands(service));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        LambdaIo.write(output, dispatcher.dispatch(input));
    }

    /** For in-process callers (the dev server, browser tests): the same as {@link #handleRequest}. */
    public Object handle(InputStream input) {
        return dispatcher.dispatch(input);
    }
}
