package dev.switchboard.vpn.autooff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AutoOffRequestTest {

    @Test
    void parse_directForceDryRun_readsBoth() {
        AutoOffRequest request = AutoOffRequest.parse(json("{\"mode\":\"force\",\"dryRun\":true}"));

        assertThat(request).isEqualTo(new AutoOffRequest(AutoOffMode.FORCE, true, AutoOffRequest.DIRECT));
    }

    @Test
    void parse_emptyObject_defaultsToIdleForReal() {
        assertThat(AutoOffRequest.parse(json("{}")))
                .isEqualTo(new AutoOffRequest(AutoOffMode.IDLE, false, AutoOffRequest.DIRECT));
    }

    @Test
    void parse_schedulerContextAttributes_accepted() {
        AutoOffRequest request = AutoOffRequest.parse(json("{\"mode\":\"idle\",\"scheduleArn\":\"arn:x\","
                + "\"scheduledTime\":\"2026-11-21T13:00:00Z\",\"executionId\":\"e\",\"attemptNumber\":\"1\"}"));

        assertThat(request.mode()).isEqualTo(AutoOffMode.IDLE);
    }

    @Test
    void parse_classicScheduledEventWithEmptyDetail_isIdle() {
        AutoOffRequest request = AutoOffRequest.parse(json(scheduled("{}")));

        assertThat(request).isEqualTo(new AutoOffRequest(AutoOffMode.IDLE, false, AutoOffRequest.SCHEDULED_EVENT));
    }

    @Test
    void parse_classicScheduledEventWithModeInDetail_takesIt() {
        AutoOffRequest request = AutoOffRequest.parse(json(scheduled("{\"mode\":\"force\",\"dryRun\":true}")));

        assertThat(request).isEqualTo(new AutoOffRequest(AutoOffMode.FORCE, true, AutoOffRequest.SCHEDULED_EVENT));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"mode\":\"FORCE\"}|invalid_mode",
            "{\"mode\":\"off\"}|invalid_mode",
            "{\"mode\":1}|invalid_mode",
            "{\"mode\":null}|invalid_mode",
            "{\"dryRun\":\"yes\"}|invalid_dry_run",
            "{\"dryRun\":1}|invalid_dry_run",
            "{\"dryRun\":null}|invalid_dry_run",
            "{\"mode\":\"force\",\"dry_run\":true}|unknown_field",
            "{\"action\":\"off\"}|unknown_field",
            "[]|malformed_event",
            "\"force\"|malformed_event",
            "{\"detail-type\":\"EC2 Instance State-change Notification\",\"source\":\"aws.ec2\",\"detail\":{}}|unsupported_event",
            "{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"detail\":\"force\"}|malformed_event",
            "{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"detail\":{\"mode\":\"later\"}}|invalid_mode",
            "{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"detail\":{\"dryrun\":true}}|unknown_field",
            "{\"requestContext\":{\"elb\":{}},\"path\":\"/\"}|alb_not_supported",
    })
    void parse_badInput_isA400WithAStableCode(String event, String code) {
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> AutoOffRequest.parse(json(event)));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.userMessage()).isNotBlank();
    }

    @Test
    void parse_veryLongUnknownField_isShortenedInTheMessage() {
        String name = "x".repeat(500);

        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> AutoOffRequest.parse(json("{\"" + name + "\":1}")));

        assertThat(e.userMessage()).hasSizeLessThan(200);
    }

    private static String scheduled(String detail) {
        return "{\"version\":\"0\",\"id\":\"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.events\",\"account\":\"123456789012\",\"time\":\"2026-11-21T05:00:00Z\","
                + "\"region\":\"ap-northeast-1\",\"resources\":[\"arn:aws:events:ap-northeast-1:123456789012:rule/r\"],"
                + "\"detail\":" + detail + "}";
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
