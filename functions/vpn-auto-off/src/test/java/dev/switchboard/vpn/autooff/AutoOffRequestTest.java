package dev.switchboard.vpn.autooff;

import dev.switchboard.core.http.Command;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.text.CoreText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AutoOffRequestTest {

    @Test
    void parse_directForceDryRun_readsBoth() {
        AutoOffRequest request = parse("{\"command\":\"force\",\"dryRun\":true}");

        assertThat(request).isEqualTo(new AutoOffRequest(AutoOffMode.FORCE, true, AutoOffRequest.DIRECT));
    }

    @Test
    void parse_olderVerbFieldMode_isTheDocumentedAlias() {
        assertThat(parse("{\"mode\":\"force\",\"dryRun\":true}"))
                .isEqualTo(new AutoOffRequest(AutoOffMode.FORCE, true, AutoOffRequest.DIRECT));
    }

    @Test
    void parse_emptyObject_defaultsToIdleForReal() {
        assertThat(parse("{}"))
                .isEqualTo(new AutoOffRequest(AutoOffMode.IDLE, false, AutoOffRequest.DIRECT));
    }

    @Test
    void parse_schedulerContextAttributes_accepted() {
        AutoOffRequest request = parse("{\"mode\":\"idle\",\"scheduleArn\":\"arn:x\","
                + "\"scheduledTime\":\"2026-11-21T13:00:00Z\",\"executionId\":\"e\",\"attemptNumber\":\"1\"}");

        assertThat(request.mode()).isEqualTo(AutoOffMode.IDLE);
    }

    @Test
    void parse_classicScheduledEventWithEmptyDetail_isIdle() {
        AutoOffRequest request = parse(scheduled("{}"));

        assertThat(request).isEqualTo(new AutoOffRequest(AutoOffMode.IDLE, false, AutoOffRequest.SCHEDULED_EVENT));
    }

    @Test
    void parse_classicScheduledEventWithModeInDetail_takesIt() {
        AutoOffRequest request = parse(scheduled("{\"mode\":\"force\",\"dryRun\":true}"));

        assertThat(request).isEqualTo(new AutoOffRequest(AutoOffMode.FORCE, true, AutoOffRequest.SCHEDULED_EVENT));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"command\":\"FORCE\"}|unknown_command",
            "{\"command\":\"off\"}|unknown_command",
            "{\"mode\":\"off\"}|unknown_command",
            "{\"command\":1}|invalid_command_field",
            "{\"command\":\"idle\",\"mode\":\"force\"}|ambiguous_command",
            "{\"mode\":\"force\",\"dryRun\":true,\"dryRun\":false}|duplicate_key",
            "{\"command\":\"idle\"} {\"command\":\"force\"}|trailing_content",
            "{\"dryRun\":\"yes\"}|invalid_dry_run",
            "{\"dryRun\":1}|invalid_dry_run",
            "{\"dryRun\":null}|invalid_dry_run",
            "{\"mode\":\"force\",\"dry_run\":true}|unknown_field",
            "{\"action\":\"off\"}|unknown_field",
            "[]|not_json_object",
            "\"force\"|not_json_object",
            "{\"command\":\"force\"|malformed_json",
            "{\"detail-type\":\"EC2 Instance State-change Notification\",\"source\":\"aws.ec2\",\"detail\":{}}|unsupported_event",
            "{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"detail\":\"force\"}|not_json_object",
            "{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"detail\":{\"mode\":\"later\"}}|unknown_command",
            "{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"detail\":{\"dryrun\":true}}|unknown_field",
    })
    void parse_badInput_isA400WithAStableCode(String event, String code) {
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class, () -> parse(event));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.userMessage()).isNotBlank();
    }

    @Test
    void parse_veryLongUnknownField_isShortenedInTheMessage() {
        String name = "x".repeat(500);

        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> parse("{\"" + name + "\":1}"));

        assertThat(e.userMessage()).hasSizeLessThan(200);
    }

    private static String scheduled(String detail) {
        return "{\"version\":\"0\",\"id\":\"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.events\",\"account\":\"123456789012\",\"time\":\"2026-11-21T05:00:00Z\","
                + "\"region\":\"ap-northeast-1\",\"resources\":[\"arn:aws:events:ap-northeast-1:123456789012:rule/r\"],"
                + "\"detail\":" + detail + "}";
    }

    /** What the dispatcher does with an event: the strict reader, the shared envelope, then this request. */
    private static AutoOffRequest parse(String event) {
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        return AutoOffRequest.from(Command.read(Json.readObject(bytes, CoreText.THE_EVENT), AutoOffRequest.SPEC));
    }
}
