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
}
