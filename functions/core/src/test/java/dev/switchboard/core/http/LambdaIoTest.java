package dev.switchboard.core.http;

import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaIoTest {

    /** What ALB has always been sent: the record as Jackson's mapper writes it. */
    private static String asTheMapperWritesIt(Object answer) throws Exception {
        return Json.mapper().writeValueAsString(answer);
    }

    private static String written(Object answer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LambdaIo.write(out, answer);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void write_everyResponseKind_isWhatTheMapperWrote() throws Exception {
        List<AlbResponse> responses = List.of(
                AlbResponse.json(200, Map.of("ok", true, "note", "é \u2028 </script>")),
                AlbResponse.html(403, "<p>\"no\"\n</p>", "default-src 'none'"),
                AlbResponse.seeOther("/status"),
                HtmlPage.of(Lang.JA, "タイトル", "<p>本文</p>").render(200),
                ErrorResponses.render(new SwitchboardException(TestErrors.ADMIN_ONLY), true, Lang.EN, "/status"),
                new AlbResponse(200, "200 OK", Map.of("content-type", "image/png"), "iVBORw0KGgo=", true));

        for (AlbResponse response : responses) {
            assertThat(written(response)).as(response.statusDescription()).isEqualTo(asTheMapperWritesIt(response));
        }
    }

    @Test
    void write_commandResult_isWhatTheMapperWrote() throws Exception {
        record Result(boolean ok, List<String> subnets, Map<String, Object> detail) {
        }
        Object answer = Map.of("ok", true, "result", new Result(false, List.of("subnet-1"), Map.of("n", 2)));

        assertThat(written(answer)).isEqualTo(asTheMapperWritesIt(answer));
    }
}
