package dev.switchboard.core.json;

import dev.switchboard.core.http.Lang;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.text.CoreText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonTest {

    private static SwitchboardException refusal(String json) {
        return catchThrowableOfType(SwitchboardException.class,
                () -> Json.readObject(json.getBytes(StandardCharsets.UTF_8), CoreText.THE_REQUEST_BODY));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"action\":\"status\",\"action\":\"off\"}|duplicate_key",
            "{\"mode\":\"force\",\"dryRun\":true,\"dryRun\":false}|duplicate_key",
            "{\"detail\":{\"mode\":\"idle\",\"mode\":\"force\"}}|duplicate_key",
            "{\"a\":1} {\"a\":2}|trailing_content",
            "{\"a\":1}]|malformed_json",
            "{\"a\":1}x|malformed_json",
            "{\"a\":1} // comment|malformed_json",
            "{'a':1}|malformed_json",
            "{a:1}|malformed_json",
            "{\"a\":NaN}|malformed_json",
            "{\"a\":01}|malformed_json",
            "{\"a\":1,}|malformed_json",
            "{\"a\":[1,,2]}|malformed_json",
            "/* c */ {\"a\":1}|malformed_json",
            "{\"a\":|malformed_json",
            "''|malformed_json",
            "[]|not_json_object",
            "\"off\"|not_json_object",
            "null|not_json_object",
    })
    void readObject_ambiguousOrNonStandardJson_isRefusedWithAStableCode(String json, String code) {
        SwitchboardException e = refusal(json);

        assertThat(e).as(json).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.status()).isEqualTo(400);
    }

    @Test
    void readObject_duplicateKey_namesTheKeyInBothLanguages() {
        SwitchboardException e = refusal("{\"dryRun\":true,\"dryRun\":false}");

        assertThat(e.message(Lang.EN)).isEqualTo(
                "The request body has the field \"dryRun\" more than once; send each field once. Nothing was done.");
        assertThat(e.message(Lang.JA)).contains("リクエストの本文", "\"dryRun\"", "何も実行していません");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", " {\"a\":1} ", "{\"a\":1}\n", "{\"a\":{\"b\":1},\"b\":{\"b\":2}}", "{\"a\":\"\\u00e9\"}"})
    void readObject_oneStandardObject_isRead(String json) {
        assertThat(Json.readObject(json.getBytes(StandardCharsets.UTF_8), CoreText.THE_EVENT)).isNotNull();
    }

    @Test
    void write_logLineShapes_isWhatTheMapperWrites() throws Exception {
        record Detail(String code, int count) {
        }
        java.util.Map<String, Object> line = new java.util.LinkedHashMap<>();
        line.put("time", "2026-12-03T21:00:00Z");
        line.put("message", "quote \" backslash \\ newline \n tab \t nul \u0000 é 日本 \ud83d\ude00 \u2028");
        line.put("count", 3);
        line.put("big", 1L << 40);
        line.put("price", 0.15);
        line.put("whole", 2.0);
        line.put("ok", false);
        line.put("none", null);
        line.put("subnets", java.util.List.of("subnet-a", "subnet-b"));
        line.put("nested", java.util.Map.of("Timestamp", 1733259600000L, "list", java.util.List.of(java.util.Map.of())));
        line.put("record", new Detail("x", 1));
        line.put("byNumber", java.util.Map.of(1, "one"));
        line.put("kind", java.time.DayOfWeek.MONDAY);

        assertThat(Json.write(line)).isEqualTo(Json.mapper().writeValueAsString(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"b\":-2147483649,\"c\":123456789012345678901234567890,\"d\":1.5e3,\"e\":[true,null,\"x\",{}]}",
            "{\"deep\":{\"deeper\":[[[]]]}}"})
    void readObject_values_areTheTreeTheMapperReads(String json) throws Exception {
        assertThat(Json.readObject(json.getBytes(StandardCharsets.UTF_8), CoreText.THE_EVENT))
                .isEqualTo(Json.mapper().readTree(json));
    }

    record Money(java.math.BigDecimal usd, Integer cents, Boolean known) {
    }

    record WithGetter(String name) {
        public String getShout() {
            return name.toUpperCase(java.util.Locale.ROOT);
        }
    }

    record Renamed(@com.fasterxml.jackson.annotation.JsonProperty("n") String name) {
    }

    @Test
    void write_records_isWhatTheMapperWritesEvenWhereJacksonAddsOrRenamesProperties() throws Exception {
        Object value = java.util.Map.of("money", java.util.List.of(new Money(new java.math.BigDecimal("0.70"), null, null),
                        new Money(java.math.BigDecimal.TEN, 3, true)),
                "getter", new WithGetter("x"), "renamed", new Renamed("y"));

        assertThat(Json.write(value)).isEqualTo(Json.mapper().writeValueAsString(value));
        assertThat(Json.write(new WithGetter("x"))).contains("\"shout\":\"X\"");
        assertThat(Json.fields(new Money(java.math.BigDecimal.ONE, 1, false))).containsOnlyKeys("usd", "cents", "known");
    }
}
