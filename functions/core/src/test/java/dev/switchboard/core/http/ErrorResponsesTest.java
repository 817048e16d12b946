package dev.switchboard.core.http;

import dev.switchboard.core.text.CoreErrors;
import dev.switchboard.core.text.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponsesTest {

    private static final Pattern HREF = Pattern.compile("<a\\s[^>]*href=\"([^\"]*)\"");

    private static List<String> links(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void render_errorPage_linksOnlyToTheReadOnlyPageNeverToTheTurnOnUrl() {
        for (Lang lang : Lang.values()) {
            AlbResponse page = ErrorResponses.render(new SwitchboardException(TestErrors.VPN_BUSY), false, lang, "/status");

            assertThat(links(page.body())).as(lang.tag()).isNotEmpty().containsOnly("/status");
        }
    }

    @Test
    void render_errorPage_goesBackThroughHistoryWithAScriptTheCspAllows() {
        AlbResponse page = ErrorResponses.render(new SwitchboardException(TestErrors.INVALID_ENTRY, "x"), false, Lang.EN,
                "/connect");

        assertThat(page.body()).contains("<script>" + ErrorResponses.BACK_SCRIPT + "</script>")
                .contains("id=\"back\"").doesNotContain("onclick");
        assertThat(page.headers().get("content-security-policy"))
                .contains("script-src '" + HtmlPage.sha256(ErrorResponses.BACK_SCRIPT) + "'")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void render_japanese_showsTheCatalogsJapaneseForTitleMessageAndLinks() {
        AlbResponse page = ErrorResponses.render(new SwitchboardException(TestErrors.INVALID_ENTRY, "10.0.0.0/33"), false,
                Lang.JA, "/connect");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("リクエストを処理できません", "10.0.0.0/33 は IP アドレスではありません。",
                "前のページに戻る", "現在の状態を表示").doesNotContain("is not an IP address", "Go back");
    }

    @Test
    void render_json_keepsTheCodeInEveryLanguageAndFollowsAcceptLanguageForTheMessage() {
        SwitchboardException error = new SwitchboardException(TestErrors.INVALID_ENTRY, "10.0.0.0/33");

        assertThat(ErrorResponses.render(error, true, Lang.EN, "/connect").body())
                .isEqualTo("{\"error\":\"invalid_entry\",\"message\":\"10.0.0.0/33 is not an IP address.\"}");
        assertThat(ErrorResponses.render(error, true, Lang.JA, "/connect").body())
                .isEqualTo("{\"error\":\"invalid_entry\",\"message\":\"10.0.0.0/33 は IP アドレスではありません。\"}");
    }

    @Test
    void status_eachProblem_hasTheStatusThatFits() {
        assertThat(List.of(Problem.values()).stream().map(ErrorResponses::status).toList())
                .containsExactly(400, 401, 403, 404, 405, 409, 413, 503, 500, 500);
    }

    @Test
    void exception_logsInEnglishWhateverTheReadersLanguage() {
        SwitchboardException error = new SwitchboardException(TestErrors.INVALID_ENTRY, "10.0.0.0/33");

        assertThat(error.getMessage()).isEqualTo("10.0.0.0/33 is not an IP address.");
        assertThat(error.message(Lang.JA)).isEqualTo("10.0.0.0/33 は IP アドレスではありません。");
        assertThat(new SwitchboardException(CoreErrors.UNAUTHENTICATED).status()).isEqualTo(401);
    }
}
