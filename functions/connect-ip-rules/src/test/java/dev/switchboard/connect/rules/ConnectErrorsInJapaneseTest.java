package dev.switchboard.connect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.testing.AlbEvents;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusals a Japanese reader met in English (issue 12.3), through the real handler: the page and the JSON say
 * them in Japanese with the same error code, nothing is written, and the log line stays English.
 */
class ConnectErrorsInJapaneseTest extends ConnectTestSupport {

    private static AlbEvents japanese(AlbEvents event) {
        return admin(event).header("accept-language", "ja,en;q=0.5");
    }

    @Test
    void postAllow_invalidRange_isRefusedInJapaneseNamingTheEntry() {
        Answer answer = send(japanese(AlbEvents.post("/connect")).form(form("op", "allow", "entry", "10.0.0.0/33")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("'10.0.0.0/33' は IPv4 / IPv6 アドレスでも CIDR 範囲でもありません",
                "リクエストを処理できません").doesNotContain("is not an IPv4", "could not be used");
        assertThat(updates()).isZero();
        // Its way back is the rules page (read-only on GET), never the VPN's turn-on URL.
        assertThat(java.util.regex.Pattern.compile("<a\\s[^>]*href=\"([^\"]*)\"").matcher(answer.body()).results()
                .map(m -> m.group(1)).toList()).isNotEmpty().containsOnly("/connect");
    }

    @Test
    void postBlock_alreadyBlocked_isRefusedInJapaneseNamingTheList() {
        setLists(List.of(), List.of("198.51.100.0/24"));
        var before = profile();

        Answer answer = send(japanese(AlbEvents.post("/connect"))
                .form(form("op", "block", "entry", "198.51.100.0/24")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("198.51.100.0/24 はすでにブロックリストにあります。何も変更していません。")
                .doesNotContain("already in", "nothing was changed");
        assertThat(updates()).isZero();
        assertThat(profile()).isEqualTo(before);
    }

    @Test
    void postFromAnotherSite_isRefusedInJapanese() {
        Map<String, String> fields = form("op", "allow", "entry", "10.0.0.1");
        int callsBefore = emu.calls().size();

        Answer answer = send(japanese(AlbEvents.post("/connect")).header("sec-fetch-site", "cross-site").form(fields));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.text()).contains("変更はこのサイト自身のページからのみ受け付けます")
                .doesNotContain("Changes are accepted only");
        assertThat(emu.calls()).hasSize(callsBefore);
    }

    @Test
    void postAllowAsJson_japaneseClient_getsTheSameCodeWithAJapaneseMessage() {
        Answer english = send(admin(AlbEvents.post("/connect")).json("{\"command\":\"allow\",\"entries\":[\"10.0.0.0/33\"]}"));
        Answer japanese = send(japanese(AlbEvents.post("/connect"))
                .json("{\"command\":\"allow\",\"entries\":[\"10.0.0.0/33\"]}"));

        assertThat(english.json().path("error").asText()).isEqualTo("invalid_entry");
        assertThat(japanese.json().path("error").asText()).isEqualTo("invalid_entry");
        assertThat(english.json().path("message").asText()).startsWith("'10.0.0.0/33' is not an IPv4");
        assertThat(japanese.json().path("message").asText()).startsWith("'10.0.0.0/33' は IPv4 / IPv6");
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void postBlockOwnAddressAsJson_japaneseClient_getsTheLockoutAndItsHintInJapanese() {
        Answer answer = send(japanese(AlbEvents.post("/connect"))
                .json("{\"command\":\"block\",\"entries\":[\"" + ADMIN_IP + "\"]}"));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().path("error").asText()).isEqualTo("would_lock_out");
        assertThat(answer.json().path("message").asText()).contains(ADMIN_IP, "拒否されます");
        assertThat(answer.json().path("hint").asText()).contains("confirmLockout: true", "適用する場合");
        assertThat(updates()).isZero();
    }

    @Test
    void postAllowAsJson_opAndCommandBoth_isRefusedRatherThanGuessed() {
        Answer answer = send(admin(AlbEvents.post("/connect"))
                .json("{\"command\":\"allow\",\"op\":\"block\",\"entries\":[\"10.0.0.1\"]}"));
        Answer duplicate = send(admin(AlbEvents.post("/connect"))
                .json("{\"op\":\"allow\",\"op\":\"reset\",\"confirm\":true}"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asText()).isEqualTo("ambiguous_command");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().path("error").asText()).isEqualTo("duplicate_key");
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void directCommand_duplicateCommand_isRefusedAndNothingWritten() {
        setLists(List.of("203.0.113.0/24"), List.of());
        var before = profile();

        JsonNode out = command("{\"command\":\"show\",\"command\":\"reset\"}");

        assertThat(out.path("ok").asBoolean()).isFalse();
        assertThat(out.path("error").asText()).isEqualTo("duplicate_key");
        assertThat(updates()).isZero();
        assertThat(profile()).isEqualTo(before);
    }

    @Test
    void refusal_inJapanese_isLoggedInEnglish() {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        var previous = dev.switchboard.core.log.JsonLog.redirect(lines::add);
        try {
            send(japanese(AlbEvents.post("/connect")).form(form("op", "allow", "entry", "10.0.0.0/33")));
        } finally {
            dev.switchboard.core.log.JsonLog.redirect(previous);
        }

        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"code\":\"invalid_entry\"")
                .contains("is not an IPv4 or IPv6 address").doesNotContain("アドレス"));
    }

}
