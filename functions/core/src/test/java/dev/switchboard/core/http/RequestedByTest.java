package dev.switchboard.core.http;

import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestedByTest {

    private static String of(String json) throws Exception {
        return RequestedBy.of(Json.mapper().readTree(json));
    }

    @Test
    void of_nameOrEmail_isTrimmed() throws Exception {
        assertThat(of("{\"requestedBy\":\" ops@example.com \"}")).isEqualTo("ops@example.com");
        assertThat(of("{\"requestedBy\":\"山田 太郎\"}")).isEqualTo("山田 太郎");
    }

    @Test
    void of_absentNullOrBlank_isDirectInvoke() throws Exception {
        assertThat(of("{}")).isEqualTo(RequestedBy.DIRECT_INVOKE);
        assertThat(of("{\"requestedBy\":null}")).isEqualTo(RequestedBy.DIRECT_INVOKE);
        assertThat(of("{\"requestedBy\":\"  \"}")).isEqualTo(RequestedBy.DIRECT_INVOKE);
    }

    @Test
    void of_markupNonTextOrTooLong_isRefused() {
        for (String bad : new String[] {"{\"requestedBy\":\"<script>\"}", "{\"requestedBy\":42}",
                "{\"requestedBy\":\"" + "a".repeat(129) + "\"}", "{\"requestedBy\":\"a\\nb\"}"}) {
            assertThatThrownBy(() -> of(bad)).as(bad).isInstanceOfSatisfying(SwitchboardException.class,
                    e -> assertThat(e.code()).isEqualTo("invalid_requested_by"));
        }
    }
}
