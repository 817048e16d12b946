package dev.switchboard.core.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.testing.LambdaContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class InvocationTest {

    private static final Map<String, String> LAMBDA_ENV = Map.of(
            "AWS_LAMBDA_FUNCTION_NAME", "switchboard-VpnPortalFunction-AbCdEf123456",
            "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
            "_X_AMZN_TRACE_ID", "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0");
    private static final JsonLog LOG = JsonLog.forClass(InvocationTest.class);

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Consumer<String> previous;

    @BeforeEach
    void freshEnvironment() {
        Invocation.resetForTests(LAMBDA_ENV::get);
        previous = JsonLog.redirect(lines::add);
    }

    @AfterEach
    void restore() {
        JsonLog.redirect(previous);
        Invocation.resetForTests(System::getenv);
    }

    @Test
    void begin_firstAndSecondInvocation_linesCarryRequestIdFunctionVersionTraceAndColdStartOnlyFirst() {
        try (Invocation ignored = Invocation.begin(LambdaContext.of("req-1"))) {
            LOG.info("first", Map.of("n", 1));
        }
        try (Invocation ignored = Invocation.begin(LambdaContext.of("req-2"))) {
            LOG.info("second", Map.of());
        }

        JsonNode first = parse(lines.get(0));
        JsonNode second = parse(lines.get(1));
        assertThat(first.path("requestId").asText()).isEqualTo("req-1");
        assertThat(first.path("functionName").asText()).isEqualTo("switchboard-VpnPortalFunction-AbCdEf123456");
        assertThat(first.path("functionVersion").asText()).isEqualTo("7");
        assertThat(first.path("coldStart").isBoolean()).isTrue();
        assertThat(first.path("coldStart").asBoolean()).isTrue();
        assertThat(first.path("traceId").asText()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(first.path("n").asInt()).isEqualTo(1);
        assertThat(second.path("requestId").asText()).isEqualTo("req-2");
        assertThat(second.path("coldStart").asBoolean()).isFalse();
    }

    @Test
    void begin_nullContextAsPrimingPasses_opensNothingAndLeavesTheColdStartForTheFirstRealInvocation() {
        try (Invocation ignored = Invocation.begin(null)) {
            LOG.info("priming", Map.of());
        }
        try (Invocation ignored = Invocation.begin(LambdaContext.of("req-1"))) {
            LOG.info("real", Map.of());
        }

        JsonNode priming = parse(lines.get(0));
        assertThat(priming.has("requestId")).isFalse();
        assertThat(priming.has("coldStart")).isFalse();
        assertThat(priming.path("functionName").asText()).isEqualTo("switchboard-VpnPortalFunction-AbCdEf123456");
        assertThat(priming.path("functionVersion").asText()).isEqualTo("$LATEST");
        assertThat(parse(lines.get(1)).path("coldStart").asBoolean()).isTrue();
    }

    @Test
    void close_afterTheInvocation_linesNoLongerCarryItsRequestId() {
        try (Invocation ignored = Invocation.begin(LambdaContext.of("req-1"))) {
            LOG.info("inside", Map.of());
        }
        LOG.info("after", Map.of());

        assertThat(parse(lines.get(1)).has("requestId")).isFalse();
    }

    @Test
    void begin_contextWithoutTraceHeader_takesTheRuntimesPropertyThenTheEnvironment() {
        LambdaContext noTrace = new LambdaContext("req-1", "fn", "3", null);
        String before = System.getProperty(Invocation.TRACE_PROPERTY);
        System.setProperty(Invocation.TRACE_PROPERTY, "Root=1-11111111-111111111111111111111111;Sampled=1");
        try (Invocation ignored = Invocation.begin(noTrace)) {
            LOG.info("property", Map.of());
        } finally {
            System.clearProperty(Invocation.TRACE_PROPERTY);
        }
        try (Invocation ignored = Invocation.begin(noTrace)) {
            LOG.info("environment", Map.of());
        } finally {
            if (before != null) {
                System.setProperty(Invocation.TRACE_PROPERTY, before);
            }
        }

        assertThat(parse(lines.get(0)).path("traceId").asText()).isEqualTo("1-11111111-111111111111111111111111");
        assertThat(parse(lines.get(1)).path("traceId").asText()).isEqualTo("1-00000000-000000000000000000000000");
    }

    @Test
    void traceId_headerShapes_rootIdOrNothing() {
        assertThat(Invocation.traceId("Root=1-abc;Parent=def;Sampled=1")).isEqualTo("1-abc");
        assertThat(Invocation.traceId("Parent=def; Root=1-xyz")).isEqualTo("1-xyz");
        assertThat(Invocation.traceId("1-bare")).isEqualTo("1-bare");
        assertThat(Invocation.traceId("Parent=def;Sampled=0")).isNull();
        assertThat(Invocation.traceId(" ")).isNull();
    }

    @Test
    void fields_eventFieldNamedLikeAnInvocationField_doesNotOverrideIt() {
        try (Invocation ignored = Invocation.begin(LambdaContext.of("req-1"))) {
            LOG.info("spoof", Map.of("requestId", "forged"));
        }

        assertThat(parse(lines.get(0)).path("requestId").asText()).isEqualTo("req-1");
    }

    static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
