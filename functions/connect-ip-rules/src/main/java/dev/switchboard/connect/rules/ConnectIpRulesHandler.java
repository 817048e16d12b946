package dev.switchboard.connect.rules;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.aws.AwsClients;
import dev.switchboard.core.aws.SnapStartPriming;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.LambdaDispatcher;
import dev.switchboard.core.http.LambdaIo;
import dev.switchboard.core.identity.AlbIdentityVerifier;
import dev.switchboard.core.identity.IdentityVerifier;
import software.amazon.awssdk.services.connect.ConnectClient;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The connect-ip-rules function: the /connect pages behind the ALB and direct JSON commands. Everything is
 * built once per container; each invocation is read event → dispatcher → one service call → answer.
 */
public final class ConnectIpRulesHandler implements RequestStreamHandler {

    private final LambdaDispatcher dispatcher;

    /** What Lambda calls: configuration from the environment, the real Connect client. */
    public ConnectIpRulesHandler() {
        this(Env.system());
    }

    /** The same from a given environment (the dev server passes its own). */
    public ConnectIpRulesHandler(Env env) {
        this(ConnectIpRulesConfig.from(env));
    }

    private ConnectIpRulesHandler(ConnectIpRulesConfig config) {
        this(config, new AlbIdentityVerifier(config.identity()), SnapStartPriming.primed(new ConnectAuthenticationProfiles(
                AwsClients.build(ConnectClient.builder(), config.identity().region())),
                profiles -> profiles.list(config.instanceId())));
    }

    ConnectIpRulesHandler(ConnectIpRulesConfig config, IdentityVerifier identity, AuthenticationProfiles profiles) {
        ConnectIpRulesService service = new ConnectIpRulesService(profiles, config.instanceId(),
                config.configuredProfileId().orElse(null), new AuditLog());
        this.dispatcher = new LambdaDispatcher(identity, new ConnectRoutes(service, config.identity().adminEmails()),
                new ConnectCommands(service));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        LambdaIo.write(output, dispatcher.dispatch(input));
    }

    /** For in-process callers (the dev server's bridge, tests): the answer without serialising it. */
    public Object handle(InputStream input) {
        return dispatcher.dispatch(input);
    }
}
