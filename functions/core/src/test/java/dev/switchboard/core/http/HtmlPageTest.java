package dev.switchboard.core.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlPageTest {

    @Test
    void render_titleWithMarkup_isEscaped() {
        AlbResponse response = HtmlPage.of(Lang.EN, "<script>alert(1)</script>", "<p>ok</p>")
                .signedInAs("\"><img src=x onerror=alert(1)>").render(200);

        assertThat(response.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
        assertThat(response.body()).doesNotContain("<img src=x");
    }

    @Test
    void render_securityHeaders_arePresent() {
        AlbResponse response = HtmlPage.of(Lang.JA, "t", "").render(200);

        assertThat(response.statusDescription()).isEqualTo("200 OK");
        assertThat(response.headers())
                .containsEntry("x-content-type-options", "nosniff")
                .containsEntry("cache-control", "no-store")
                .containsEntry("referrer-policy", "same-origin")
                .containsEntry("strict-transport-security", "max-age=31536000")
                .containsKey("content-security-policy");
        String csp = response.headers().get("content-security-policy");
        assertThat(csp).contains("frame-ancestors 'none'").contains("default-src 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("script-src");
        assertThat(response.body()).startsWith("<!DOCTYPE html><html lang=\"ja\">");
    }

    @Test
    void render_inlineScript_isAllowedOnlyByItsHash() {
        String script = "document.body.dataset.ok='1';";
        AlbResponse response = HtmlPage.of(Lang.EN, "t", "").withScript(script).render(200);

        assertThat(response.headers().get("content-security-policy"))
                .contains("script-src '" + HtmlPage.sha256(script) + "'")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void render_styleHash_matchesTheInlineStyle() {
        AlbResponse response = HtmlPage.of(Lang.EN, "t", "").render(200);

        assertThat(response.headers().get("content-security-policy")).contains("style-src '" + HtmlPage.sha256(HtmlPage.STYLE) + "'");
        assertThat(response.body()).contains("<style>" + HtmlPage.STYLE + "</style>");
    }

    @Test
    void refreshEvery_addsMetaRefreshWithEscapedUrl() {
        AlbResponse response = HtmlPage.of(Lang.EN, "t", "").refreshEvery(15, "/?refresh=1&x=\"").render(200);

        assertThat(response.body()).contains("<meta http-equiv=\"refresh\" content=\"15;url=/?refresh=1&amp;x=&#34;\">");
    }

    @Test
    void describe_statusCodes_readLikeAlbExpects() {
        assertThat(AlbResponse.describe(413)).isEqualTo("413 Payload Too Large");
        assertThat(AlbResponse.describe(503)).isEqualTo("503 Service Unavailable");
        assertThat(AlbResponse.describe(303)).isEqualTo("303 See Other");
    }

    @Test
    void json_response_hasJsonTypeAndLockedDownCsp() {
        AlbResponse response = AlbResponse.json(409, java.util.Map.of("error", "conflict"));

        assertThat(response.statusDescription()).isEqualTo("409 Conflict");
        assertThat(response.headers().get("content-type")).startsWith("application/json");
        assertThat(response.body()).isEqualTo("{\"error\":\"conflict\"}");
    }
}
