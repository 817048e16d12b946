package dev.switchboard.connect.rules;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.aws.AwsClients;
import dev.switchboard.core.aws.Priming;
import dev.switchboard.core.aws.SnapStartPriming;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.LambdaDispatcher;
import dev.switchboard.core.http.LambdaIo;
import dev.switchboard.core.log.Invocation;
import dev.switchboard.core.identity.AlbIdentityVerifier;
import dev.switchboard.core.identity.IdentityVerifier;
import dev.switchboard.core.identity.PrimingIdentity;
import software.amazon.awssdk.services.connect.ConnectClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The connect-ip-rules function: the /connect pages behind the ALB and direct JSON commands. Everything is
 * built once per container; each invocation is read event → dispatcher → one service call → answer.
 */
public final class ConnectIpRulesHandler implements RequestStreamHandler {

    private final LambdaDispatcher dispatcher;

    /** What Lambda calls: configuration from the environment, the real Connect client. */
    public ConnectIpRulesHandler() {
        this(Env.system());
        SnapStartPriming.register(ConnectIpRulesHandler::prime);
    }

    /** The same from a given environment (the dev server passes its own). */
    public ConnectIpRulesHandler(Env env) {
        this(ConnectIpRulesConfig.from(env));
    }

    private ConnectIpRulesHandler(ConnectIpRulesConfig config) {
        this(config, new AlbIdentityVerifier(config.identity()), new ConnectAuthenticationProfiles(
                AwsClients.build(ConnectClient.builder(), config.identity().region())));
    }

    ConnectIpRulesHandler(ConnectIpRulesConfig config, IdentityVerifier identity, AuthenticationProfiles profiles) {
        ConnectIpRulesService service = new ConnectIpRulesService(profiles, config.instanceId(),
                config.configuredProfileId().orElse(null), new AuditLog());
        this.dispatcher = new LambdaDispatcher(identity, new ConnectRoutes(service, config.identity().adminEmails(), config.zone()),
                new ConnectCommands(service), ConnectRoutes.PAGE);
    }

    /**
     * Runs an administrator's first visit (the page in both languages, the address check, the show
     * command) on a twin over canned Connect answers and the priming identity, calling no AWS API; see
     * {@link Priming}. SnapStart runs it before the snapshot; the build's training run records the
     * class-data-sharing archive from it.
     */
    public static void prime() {
        Priming.quietly("connect-ip-rules", () -> primingRun());
    }

    /** The priming requests' answers, in order (a test checks they took the real, successful paths). */
    static List<String> primingRun() {
        ConnectIpRulesConfig config = ConnectIpRulesConfig.from(Priming.environment());
        try (ConnectClient connect = Priming.client(ConnectClient.builder(), Priming.cannedHttp(ConnectIpRulesHandler::canned))) {
            ConnectIpRulesHandler twin = new ConnectIpRulesHandler(config,
                    PrimingIdentity.verifier(config.identity()), new ConnectAuthenticationProfiles(connect));
            return Priming.run(twin, List.of(PrimingIdentity.albGet("/connect", "ja"),
                    PrimingIdentity.albGet("/connect", "en-US"), PrimingIdentity.albGet("/connect/check", "\"ip\":\"192.0.2.10\"", "ja"),
                    Priming.command("{\"command\":\"show\"}")));
        }
    }

    /** Connect's REST/JSON answers for priming: one default profile with one allowed range. */
    private static String canned(Priming.CannedRequest request) {
        String profile = "\"Id\":\"00000000-0000-4000-8000-000000000001\",\"Arn\":\"arn:aws:connect:us-east-1:000000000000:"
                + "instance/00000000-0000-4000-8000-000000000000/authentication-profile/00000000-0000-4000-8000-000000000001\","
                + "\"Name\":\"Default\",\"IsDefault\":true,\"LastModifiedTime\":946684800.0,\"LastModifiedRegion\":\"us-east-1\"";
        if (request.path().startsWith("/authentication-profiles-summary/")) {
            return "{\"AuthenticationProfileSummaryList\":[{" + profile + "}]}";
        }
        return "{\"AuthenticationProfile\":{" + profile + ",\"AllowedIps\":[\"192.0.2.0/24\"],\"BlockedIps\":[],"
                + "\"CreatedTime\":946684800.0,\"PeriodicSessionDuration\":60,\"MaxSessionDuration\":720,"
                + "\"SessionInactivityDuration\":60,\"SessionInactivityHandlingEnabled\":false}}";
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        try (Invocation invocation = Invocation.begin(context)) {
            LambdaIo.write(output, dispatcher.dispatch(input));
        }
    }

    /** For in-process callers (the dev server's bridge, tests): the answer without serialising it. */
    public Object handle(InputStream input) {
        return dispatcher.dispatch(input);
    }
}
