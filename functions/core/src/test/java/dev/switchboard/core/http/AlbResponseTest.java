package dev.switchboard.core.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlbResponseTest {

    @Test
    void everyResponseKind_carriesHstsAndSameOriginReferrerPolicy() {
        List<AlbResponse> responses = List.of(
                AlbResponse.json(200, Map.of("ok", true)),
                AlbResponse.json(503, Map.of("error", "x")),
                AlbResponse.html(403, "<p>no</p>", "default-src 'none'"),
                AlbResponse.seeOther("/view"),
                HtmlPage.of(Lang.EN, "t", "").render(200),
                ErrorResponses.render(new SwitchboardException(TestErrors.ADMIN_ONLY), false, Lang.JA, "/status"),
                ErrorResponses.render(new SwitchboardException(TestErrors.ADMIN_ONLY), true, Lang.EN, "/status"),
                AlbResponse.json(200, Map.of()).withHeader("x-extra", "1"),
                // Built directly, or with the header weakened: still the one HSTS value.
                new AlbResponse(500, "500 Internal Server Error", Map.of("content-type", "text/plain"), "", false),
                AlbResponse.seeOther("/status").withHeader("strict-transport-security", "max-age=0"));

        for (AlbResponse response : responses) {
            assertThat(response.headers()).as(response.statusDescription())
                    .containsEntry("strict-transport-security", "max-age=31536000");
        }
        for (AlbResponse response : responses.subList(0, responses.size() - 2)) {
            assertThat(response.headers()).as(response.statusDescription())
                    .containsEntry("referrer-policy", "same-origin");
        }
    }
}
