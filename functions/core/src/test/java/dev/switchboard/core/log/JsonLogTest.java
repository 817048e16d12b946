package dev.switchboard.core.log;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogTest {

    private static final JsonLog LOG = JsonLog.forClass(JsonLogTest.class);
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Consumer<String> previousSink;
    private JsonLog.Level previousLevel;

    @BeforeEach
    void capture() {
        previousSink = JsonLog.redirect(lines::add);
        previousLevel = JsonLog.threshold(JsonLog.Level.INFO);
    }

    @AfterEach
    void restore() {
        JsonLog.redirect(previousSink);
        JsonLog.threshold(previousLevel);
    }

    @Test
    void parse_lambdaLogLevels_knownOnesTakenAnythingElseIsInfo() {
        assertThat(JsonLog.Level.parse("DEBUG")).isEqualTo(JsonLog.Level.DEBUG);
        assertThat(JsonLog.Level.parse("warn")).isEqualTo(JsonLog.Level.WARN);
        assertThat(JsonLog.Level.parse("FATAL")).isEqualTo(JsonLog.Level.FATAL);
        assertThat(JsonLog.Level.parse(null)).isEqualTo(JsonLog.Level.INFO);
        assertThat(JsonLog.Level.parse("verbose")).isEqualTo(JsonLog.Level.INFO);
    }

    @Test
    void threshold_warn_dropsDebugAndInfoButKeepsWarnErrorAndRecords() {
        JsonLog.threshold(JsonLog.Level.WARN);

        LOG.debug("debug", Map.of());
        LOG.info("info", Map.of());
        LOG.warn("warn", Map.of());
        LOG.error("error", Map.of(), new IllegalStateException("boom"));
        LOG.record("audit vpn.on ok", Map.of("type", "audit"));

        assertThat(lines).extracting(line -> InvocationTest.parse(line).path("message").asText())
                .containsExactly("warn", "error", "audit vpn.on ok");
    }

    @Test
    void threshold_debug_writesDebugLinesWithLevelDebug() {
        JsonLog.threshold(JsonLog.Level.DEBUG);

        LOG.debug("details", Map.of("k", "v"));

        JsonNode line = InvocationTest.parse(lines.get(0));
        assertThat(line.path("level").asText()).isEqualTo("DEBUG");
        assertThat(line.path("k").asText()).isEqualTo("v");
    }

    @Test
    void write_anyLine_isOneJsonObjectOnOneLineWithTheStableFieldsFirst() {
        LOG.info("said \"this\"\nover two lines", Map.of("field", "value"));

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).doesNotContain("\n").startsWith("{\"time\":\"");
        JsonNode line = InvocationTest.parse(lines.get(0));
        assertThat(line.fieldNames()).toIterable().startsWith("time", "level", "logger", "message");
        assertThat(line.path("message").asText()).isEqualTo("said \"this\"\nover two lines");
        assertThat(line.path("logger").asText()).isEqualTo("JsonLogTest");
    }
}
