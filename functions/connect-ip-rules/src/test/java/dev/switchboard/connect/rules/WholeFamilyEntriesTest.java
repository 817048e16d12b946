package dev.switchboard.connect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.testing.AlbEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code 0.0.0.0/0} and {@code ::/0} (issue 13.3): read and evaluated as Connect does (every address of that family),
 * removable when another tool wrote them, seen by the lockout guard, and added from the page only when confirmed.
 */
class WholeFamilyEntriesTest extends ConnectTestSupport {

    @ParameterizedTest(name = "allowed [{0}] blocked [{1}]: {2} -> {3}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            " | 0.0.0.0/0 | 198.51.100.1 | false | 0.0.0.0/0",
            " | 0.0.0.0/0 | 2001:db8::1 | true | ",
            " | ::/0 | 2001:db8::1 | false | ::/0",
            " | ::/0 | 198.51.100.1 | true | ",
            "0.0.0.0/0 | 203.0.113.0/24 | 203.0.113.9 | false | 203.0.113.0/24",
            "0.0.0.0/0 | 203.0.113.0/24 | 198.51.100.1 | true | 0.0.0.0/0",
            "0.0.0.0/0 |  | 2001:db8::1 | false | ",
            "::/0 |  | 2001:db8::1 | true | ::/0",
    })
    void check_storedByAnotherTool_answersAsConnectDoes(String allowed, String blocked, String ip, boolean expected,
                                                       String decidedBy) {
        setLists(allowed == null || allowed.isEmpty() ? List.of() : List.of(allowed),
                blocked == null || blocked.isEmpty() ? List.of() : List.of(blocked));

        JsonNode body = send(admin(AlbEvents.get("/connect/check").query("ip", ip))
                .header("accept", "application/json")).json();

        assertThat(body.path("allowed").asBoolean()).isEqualTo(expected);
        assertThat(body.path("entry").isNull() || body.path("entry").isMissingNode() ? null : body.path("entry").asText())
                .isEqualTo(decidedBy);
        assertThat(send(admin(AlbEvents.get("/connect"))).text()).doesNotContain("ignored in checks here");
    }

    @Test
    void postRemove_blockAllIpv4WrittenByAnotherTool_isRemoved() {
        setLists(List.of(), List.of("0.0.0.0/0", "192.0.2.1"));

        Answer answer = send(admin(AlbEvents.post("/connect")).form(form("op", "remove", "entry", "0.0.0.0/0",
                "list", "blocked")));

        assertThat(answer.status()).isEqualTo(303);
        assertThat(profile().blockedIps()).containsExactly("192.0.2.1");
        assertThat(auditLines()).singleElement().satisfies(a -> assertThat(a.path("result").asText()).isEqualTo("ok"));
    }

    @Test
    void postBlock_whileEveryIpv4IsAllowedByEntry_isNotMistakenForALockout() {
        setLists(List.of("0.0.0.0/0"), List.of());

        Answer answer = send(admin(AlbEvents.post("/connect")).form(form("op", "block", "entry", "192.0.2.0/24")));

        assertThat(answer.status()).isEqualTo(303);
        assertThat(profile().blockedIps()).containsExactly("192.0.2.0/24");
    }

    @Test
    void postRemove_theAllowAllEntryTheAdminReliesOn_isALockout() {
        setLists(List.of("0.0.0.0/0", "198.51.100.0/24"), List.of());

        Answer answer = send(admin(AlbEvents.post("/connect")).form(form("op", "remove", "entry", "0.0.0.0/0")));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.text()).contains("This change would lock you out", ADMIN_IP);
        assertThat(updates()).isZero();
    }

    @Test
    void postBlock_allIpv6ByAnIpv4Admin_asksFirstThoughTheAdminKeepsAccess() {
        Answer refused = send(admin(AlbEvents.post("/connect")).form(form("op", "block", "entry", "::/0")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).contains("This change affects every address of a kind",
                "Blocking ::/0 refuses every agent", "Nothing was written", "Apply anyway");
        assertThat(refused.body()).contains("name=\"confirmLockout\" value=\"yes\"", "name=\"entry\" value=\"::/0\"");
        assertThat(updates()).isZero();
        assertThat(auditLines()).extracting(n -> n.path("result").asText()).containsExactly("refused-whole-family");

        Answer confirmed = send(admin(AlbEvents.post("/connect"))
                .form(form("op", "block", "entry", "::/0", "confirmLockout", "yes")));

        assertThat(confirmed.status()).isEqualTo(303);
        assertThat(profile().blockedIps()).containsExactly("::/0");
    }

    @Test
    void postAllow_allIpv4AsJson_is409UntilConfirmed() {
        Answer refused = send(admin(AlbEvents.post("/connect")).json("{\"command\":\"allow\",\"entry\":\"1.2.3.4/0\"}"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("error").asText()).isEqualTo("whole_family_allow");
        assertThat(refused.json().path("wholeFamilyEntries").toString()).isEqualTo("[\"0.0.0.0/0\"]");
        assertThat(updates()).isZero();

        Answer confirmed = send(admin(AlbEvents.post("/connect"))
                .json("{\"command\":\"allow\",\"entry\":\"0.0.0.0/0\",\"confirmLockout\":true}"));

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(profile().allowedIps()).containsExactly("0.0.0.0/0");
    }

    @Test
    void postAllow_allIpv4_inJapanese_explainsInJapanese() {
        Answer refused = send(admin(AlbEvents.post("/connect")).header("accept-language", "ja")
                .form(form("op", "allow", "entry", "0.0.0.0/0")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).contains("この変更は同じ種類のすべてのアドレスに影響します", "0.0.0.0/0 を許可すると");
    }
}
