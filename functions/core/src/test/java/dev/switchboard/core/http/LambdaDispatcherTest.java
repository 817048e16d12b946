package dev.switchboard.core.http;

import dev.switchboard.core.identity.Employee;
import dev.switchboard.core.identity.IdentityVerifier;
import dev.switchboard.core.log.JsonLog;
import dev.switchboard.core.testing.AlbEvents;
import dev.switchboard.core.text.CoreErrors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

class LambdaDispatcherTest {

    private static final Employee ALICE = new Employee("alice@example.com", "alice", "sub-1", "203.0.113.7");
    private final AtomicInteger routeCalls = new AtomicInteger();
    private final AtomicInteger commandCalls = new AtomicInteger();
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private Consumer<String> previousSink;

    @BeforeEach
    void captureLogs() {
        previousSink = JsonLog.redirect(logLines::add);
    }

    @AfterEach
    void restoreLogs() {
        JsonLog.redirect(previousSink);
    }

    private LambdaDispatcher dispatcher(IdentityVerifier verifier, LambdaDispatcher.Routes routes) {
        return new LambdaDispatcher(verifier, routes, new LambdaDispatcher.Commands() {
            @Override
            public Command.Spec spec() {
                return Command.Spec.of("status", "off").withAlias("action");
            }

            @Override
            public Object handle(Command command) {
                commandCalls.incrementAndGet();
                return Map.of("ok", true, "command", command.name());
            }
        }, "/status");
    }

    private LambdaDispatcher accepting(LambdaDispatcher.Routes routes) {
        return dispatcher(headers -> ALICE, routes);
    }

    @Test
    void dispatch_albEvent_reachesRoutesWithVerifiedEmployee() {
        AlbResponse response = (AlbResponse) accepting((request, employee, lang) -> {
            routeCalls.incrementAndGet();
            return AlbResponse.json(200, Map.of("email", employee.email()));
        }).dispatch(AlbEvents.get("/").toStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("alice@example.com");
    }

    @Test
    void dispatch_identityRefused_is401AndRoutesNeverRun() {
        AlbResponse response = (AlbResponse) dispatcher(headers -> {
            throw SwitchboardException.because(new IllegalStateException("bad signer"), CoreErrors.UNAUTHENTICATED);
        }, (request, employee, lang) -> {
            routeCalls.incrementAndGet();
            return AlbResponse.json(200, Map.of());
        }).dispatch(AlbEvents.get("/").toStream());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.statusDescription()).isEqualTo("401 Unauthorized");
        assertThat(routeCalls).hasValue(0);
        assertThat(logLines).anySatisfy(line -> assertThat(line).contains("\"reason\":\"bad signer\""));
    }

    @Test
    void dispatch_unexpectedFailure_isGeneric500WithoutInternals() {
        AlbResponse response = (AlbResponse) accepting((request, employee, lang) -> {
            throw new IllegalStateException("secret internal detail at com.example.Foo");
        }).dispatch(AlbEvents.get("/").toStream());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("secret internal detail").doesNotContain("Exception");
        assertThat(logLines).anySatisfy(line -> assertThat(line).contains("\"level\":\"ERROR\"")
                .contains("secret internal detail"));
    }

    @Test
    void dispatch_jsonClientGetsJsonError() {
        AlbResponse response = (AlbResponse) accepting((request, employee, lang) -> {
            throw new SwitchboardException(TestErrors.ADMIN_ONLY);
        }).dispatch(AlbEvents.get("/off").header("accept", "application/json").toStream());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"error\":\"admin_only\",\"message\":\"Only administrators can turn the VPN off.\"}");
    }

    @Test
    void dispatch_japaneseBrowser_getsJapaneseErrorPage() {
        AlbResponse response = (AlbResponse) accepting((request, employee, lang) -> {
            throw new SwitchboardException(TestErrors.VPN_BUSY);
        }).dispatch(AlbEvents.get("/").header("accept-language", "ja").toStream());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("一時的に利用できません");
    }

    @Test
    void dispatch_japaneseBrowserWithoutValidSignIn_readsTheReasonInJapanese() {
        AlbResponse response = (AlbResponse) dispatcher(headers -> {
            throw new SwitchboardException(CoreErrors.UNAUTHENTICATED);
        }, (r, e, l) -> AlbResponse.json(200, Map.of())).dispatch(AlbEvents.get("/").header("accept-language", "ja").toStream());

        assertThat(response.body()).contains("サインインを確認できませんでした").doesNotContain("could not be verified");
    }

    @Test
    void dispatch_oversizedAlbBody_is413AndNothingRuns() {
        String big = "x".repeat(AlbRequest.MAX_BODY_BYTES + 1);
        AlbResponse response = (AlbResponse) accepting((request, employee, lang) -> {
            routeCalls.incrementAndGet();
            return AlbResponse.json(200, Map.of());
        }).dispatch(AlbEvents.post("/on").rawBody(big, false).toStream());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(routeCalls).hasValue(0);
    }

    @Test
    void dispatch_directCommand_goesToCommands() {
        Object answer = accepting((r, e, l) -> AlbResponse.json(200, Map.of()))
                .dispatch(new ByteArrayInputStream("{\"action\":\"status\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(answer).isEqualTo(Map.of("ok", true, "command", "status"));
    }

    @Test
    void dispatch_commandEnvelope_goesToCommandsByName() {
        Object answer = accepting((r, e, l) -> AlbResponse.json(200, Map.of()))
                .dispatch(stream("{\"command\":\"off\",\"requestedBy\":\"ops@example.com\"}"));

        assertThat(answer).isEqualTo(Map.of("ok", true, "command", "off"));
    }

    @Test
    void dispatch_duplicateVerb_isRefusedAndNothingRuns() {
        // Jackson's default took the last duplicate: this turned the VPN off (issue 13.2).
        Object answer = accepting((r, e, l) -> AlbResponse.json(200, Map.of()))
                .dispatch(stream("{\"action\":\"status\",\"action\":\"off\"}"));

        assertThat(answer).isEqualTo(Map.of("ok", false, "status", 400, "error", "duplicate_key", "message",
                "The event has the field \"action\" more than once; send each field once. Nothing was done."));
        assertThat(commandCalls).hasValue(0);
    }

    @Test
    void dispatch_commandAndItsOlderNameBoth_isRefusedRatherThanGuessed() {
        Object answer = accepting((r, e, l) -> AlbResponse.json(200, Map.of()))
                .dispatch(stream("{\"command\":\"status\",\"action\":\"off\"}"));

        assertThat(answer).asInstanceOf(MAP).containsEntry("error", "ambiguous_command").containsEntry("status", 400);
        assertThat(commandCalls).hasValue(0);
    }

    @Test
    void dispatch_unknownCommand_isA400NamingTheValidOnes() {
        Object answer = accepting((r, e, l) -> AlbResponse.json(200, Map.of()))
                .dispatch(stream("{\"command\":\"reboot\"}"));

        assertThat(answer).isEqualTo(Map.of("ok", false, "status", 400, "error", "unknown_command",
                "message", "Unknown command \"reboot\". Use one of: status, off."));
        assertThat(commandCalls).hasValue(0);
        assertThat(logLines).anySatisfy(line -> assertThat(line).contains("\"level\":\"WARN\"")
                .contains("\"code\":\"unknown_command\"").contains("Unknown command"));
    }

    @Test
    void dispatch_noCommand_isA400SayingHowToNameOne() {
        Object answer = accepting((r, e, l) -> AlbResponse.json(200, Map.of()))
                .dispatch(stream("{\"requestedBy\":\"ops@example.com\"}"));

        assertThat(answer).asInstanceOf(MAP).containsEntry("error", "missing_command");
        assertThat(commandCalls).hasValue(0);
    }

    @Test
    void dispatch_trailingContentAfterTheEvent_isRefusedAndNothingRuns() {
        Object answer = accepting((r, e, l) -> AlbResponse.json(200, Map.of()))
                .dispatch(stream("{\"action\":\"status\"}{\"action\":\"off\"}"));

        assertThat(answer).asInstanceOf(MAP).containsEntry("error", "trailing_content");
        assertThat(commandCalls).hasValue(0);
    }

    @Test
    void dispatch_albEventWithDuplicateHeader_isRefusedBeforeIdentityOrRoutes() throws Exception {
        String event = new String(AlbEvents.get("/status").toStream().readAllBytes(), StandardCharsets.UTF_8);
        String doubled = event.replaceFirst("\"headers\"\\s*:\\s*\\{", "\"headers\":{\"host\":\"evil.example\",");
        AtomicInteger verified = new AtomicInteger();
        Object answer = dispatcher(headers -> {
            verified.incrementAndGet();
            return ALICE;
        }, (r, e, l) -> {
            routeCalls.incrementAndGet();
            return AlbResponse.json(200, Map.of());
        }).dispatch(stream(doubled));

        assertThat(doubled).contains("\"host\":\"evil.example\"");
        assertThat(answer).asInstanceOf(MAP).containsEntry("error", "duplicate_key");
        assertThat(verified).hasValue(0);
        assertThat(routeCalls).hasValue(0);
    }

    @Test
    void dispatch_commandsOnlyFunction_refusesAlbRequests() {
        Object answer = LambdaDispatcher.commandsOnly(new LambdaDispatcher.Commands() {
            @Override
            public Command.Spec spec() {
                return Command.Spec.of("idle");
            }

            @Override
            public Object handle(Command command) {
                commandCalls.incrementAndGet();
                return Map.of();
            }
        }).dispatch(AlbEvents.get("/").toStream());

        assertThat(answer).asInstanceOf(MAP).containsEntry("error", "alb_not_supported").containsEntry("status", 400);
        assertThat(commandCalls).hasValue(0);
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void dispatch_malformedJson_isErrorAndNothingRuns() {
        Object answer = accepting((r, e, l) -> AlbResponse.json(200, Map.of()))
                .dispatch(new ByteArrayInputStream("{\"action\":".getBytes(StandardCharsets.UTF_8)));

        assertThat(answer).isEqualTo(Map.of("ok", false, "status", 400, "error", "malformed_json",
                "message", "The event is not valid JSON."));
        assertThat(commandCalls).hasValue(0);
    }

    @Test
    void dispatch_nonObjectEvent_isError() {
        Object answer = accepting((r, e, l) -> AlbResponse.json(200, Map.of()))
                .dispatch(new ByteArrayInputStream("[1,2]".getBytes(StandardCharsets.UTF_8)));

        assertThat(answer).asInstanceOf(MAP).containsEntry("error", "not_json_object");
        assertThat(commandCalls).hasValue(0);
    }

    @Test
    void dispatch_oversizedEvent_isPayloadTooLarge() {
        byte[] big = new byte[LambdaIo.MAX_EVENT_BYTES + 2];
        java.util.Arrays.fill(big, (byte) ' ');
        Object answer = accepting((r, e, l) -> AlbResponse.json(200, Map.of())).dispatch(new ByteArrayInputStream(big));

        assertThat(answer).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("status", 413);
    }

    @Test
    void dispatch_jsonBodyWithoutAcceptHeader_getsJsonError() {
        AlbResponse response = (AlbResponse) accepting((request, employee, lang) -> {
            throw new SwitchboardException(TestErrors.INVALID_ENTRY, "10.0.0.256");
        }).dispatch(AlbEvents.post("/connect").json("{\"op\":\"allow\"}").toStream());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().get("content-type")).startsWith("application/json");
    }

    @Test
    void dispatch_awsServiceFailure_logsAwsErrorCodeAndRequestId() {
        var aws = software.amazon.awssdk.awscore.exception.AwsServiceException.builder()
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("RequestLimitExceeded").serviceName("Ec2").build())
                .requestId("req-123").statusCode(503).message("Request limit exceeded.").build();
        accepting((request, employee, lang) -> {
            throw SwitchboardException.because(aws, TestErrors.VPN_BUSY);
        }).dispatch(AlbEvents.get("/").toStream());

        assertThat(logLines).anySatisfy(line -> assertThat(line)
                .contains("\"awsErrorCode\":\"RequestLimitExceeded\"").contains("\"awsRequestId\":\"req-123\""));
    }
}
