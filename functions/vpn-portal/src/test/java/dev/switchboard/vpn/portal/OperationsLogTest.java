package dev.switchboard.vpn.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.log.Invocation;
import dev.switchboard.core.metrics.Metrics;
import dev.switchboard.core.testing.AlbEvents;
import dev.switchboard.core.testing.EmfDocuments;
import dev.switchboard.core.testing.LambdaContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal invoked as Lambda invokes it (with a context), and what it printed: every line carries the
 * invocation, the state changes and refusals become EMF metrics, and no token reaches the log.
 */
class OperationsLogTest extends PortalTestSupport {

    @BeforeEach
    void freshEnvironment() {
        Invocation.resetForTests(name -> null);
        Metrics.configureForTests(Clock.systemUTC(), "Switchboard/test-stack");
    }

    @AfterEach
    void defaults() {
        Invocation.resetForTests(System::getenv);
        Metrics.configureForTests(Clock.systemUTC(), Metrics.DEFAULT_NAMESPACE);
    }

    private JsonNode invoke(AlbEvents event, String requestId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(event.toStream(), out, LambdaContext.of(requestId));
        return AlbEvents.response(out.toByteArray());
    }

    private List<JsonNode> lines() {
        return logLines.stream().map(line -> {
            try {
                return Json.mapper().readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private List<String> metrics() {
        assertThat(logLines.stream().filter(EmfDocuments::isEmf))
                .allSatisfy(line -> assertThat(EmfDocuments.problems(line, emu.clock().instant())).isEmpty());
        return EmfDocuments.metrics(logLines).stream()
                .map(d -> d.name() + d.dimensions() + "=" + (long) d.value()).toList();
    }

    @Test
    void employeeVisit_turnsOn_linesCarryTheInvocationAndATurnOnIsCounted() {
        JsonNode page = invoke(navigate("/", EMPLOYEE), "req-visit");

        assertThat(page.path("statusCode").asInt()).isEqualTo(200);
        assertThat(metrics()).containsExactly("TurnOns{}=1");
        assertThat(lines()).isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("requestId").asText()).isEqualTo("req-visit");
            assertThat(line.path("functionName").asText()).isEqualTo("switchboard-VpnPortalFunction-AbCdEf123456");
            assertThat(line.path("functionVersion").asText()).isEqualTo("7");
            assertThat(line.path("coldStart").asBoolean()).isTrue();
            assertThat(line.path("traceId").asText()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        });
        assertThat(lines()).extracting(l -> l.path("type").asText()).contains("audit", "metrics");
    }

    @Test
    void secondVisit_sameEnvironment_isNoColdStartAndCountsNothing() {
        invoke(navigate("/", EMPLOYEE), "req-1");
        logLines.clear();

        invoke(navigate("/", EMPLOYEE), "req-2");

        assertThat(logLines.stream().filter(EmfDocuments::isEmf)).isEmpty();
        assertThat(lines()).allSatisfy(line -> assertThat(line.path("coldStart").asBoolean()).isFalse());
    }

    @Test
    void adminTurnOff_withOneConnected_countsAdminTurnOffAndTheConnectionCut() {
        invoke(navigate("/", EMPLOYEE), "req-on");
        emu.advanceClock(Duration.ofMinutes(10));
        emu.seedConnection(ENDPOINT, "cvpn-connection-0aaaaaaaaaaaaaaa1", "taro", "172.16.0.10");
        logLines.clear();

        invoke(postFromPage("/off", ADMIN, Map.of("confirm", "yes")), "req-off");

        assertThat(metrics()).containsExactly("TurnOffs{Reason=admin}=1", "ConnectionsCut{}=1");
    }

    @Test
    void expiredToken_refused_countsIdentityFailureOfKindExpiredAndLogsNoToken() {
        String expired = signer.token().sub("sub-1").email(EMPLOYEE).username("taro")
                .exp(java.time.Instant.now().minus(Duration.ofMinutes(10))).build();

        JsonNode answer = invoke(AlbEvents.get("/status").token(expired), "req-expired");

        assertThat(answer.path("statusCode").asInt()).isEqualTo(401);
        assertThat(metrics()).containsExactly("IdentityFailures{Kind=expired}=1");
        assertThat(String.join("\n", logLines)).doesNotContain(expired.substring(0, 40), "x-amzn-oidc");
    }

    @Test
    void directStatusCommand_readsOnly_countsNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new java.io.ByteArrayInputStream("{\"command\":\"status\"}".getBytes()), out,
                LambdaContext.of("req-status"));

        assertThat(logLines.stream().filter(EmfDocuments::isEmf)).isEmpty();
    }
}
