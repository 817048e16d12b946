package dev.switchboard.connect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.testing.AlbEvents;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long lists (issue 13.6): Switchboard writes at most {@link ConnectLimits#MAX_ENTRIES_PER_LIST} entries per list
 * (Connect documents no maximum), refuses more with a clear error and no write, and everything that shows a
 * profile stays within ALB's 1 MB response limit, even with both lists full of the longest entries, or longer
 * lists stored by another tool.
 */
class ConnectLimitsTest extends ConnectTestSupport {

    /** ALB refuses a Lambda response larger than 1 MB; stay clear of it. */
    private static final int ALB_LIMIT = 1024 * 1024;
    private static final int MAX = ConnectLimits.MAX_ENTRIES_PER_LIST;

    /** {@code n} distinct entries of the longest normalised spelling: 43 characters, e.g. ...:0000/127. */
    private static List<String> longest(int n, int block) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(String.format("2001:db8:ffff:%04x:ffff:ffff:ffff:%04x/127", block, i * 2 + 0x1000));
        }
        return out;
    }

    @Test
    void postAllow_pastTheCap_isRefusedNamingTheLimitAndNothingIsWritten() {
        setLists(longest(MAX, 1), List.of());

        Answer form = send(admin(AlbEvents.post("/connect")).form(form("op", "allow", "entry", "198.51.100.0/24",
                "confirmLockout", "yes")));
        Answer json = send(admin(AlbEvents.post("/connect"))
                .json("{\"command\":\"allow\",\"entry\":\"198.51.100.0/24\",\"confirmLockout\":true}"));
        JsonNode direct = command("{\"command\":\"allow\",\"entries\":[\"198.51.100.0/24\"]}");

        assertThat(form.status()).isEqualTo(400);
        assertThat(form.text()).contains("After this change the allowed list would hold 1001 entries", "at most 1000", "Nothing was changed");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().path("error").asText()).isEqualTo("list_too_long");
        assertThat(direct.path("ok").asBoolean()).isFalse();
        assertThat(direct.path("error").asText()).isEqualTo("list_too_long");
        assertThat(updates()).isZero();
        assertThat(profile().allowedIps()).hasSize(MAX);
    }

    @Test
    void postBlock_manyAtOnceUpToTheCap_isAccepted() {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            entries.add("10." + (i / 256) + "." + (i % 256) + ".0/24");
        }

        Answer answer = send(admin(AlbEvents.post("/connect")).form(form("op", "block", "entry", String.join("\n", entries))));

        assertThat(answer.status()).isEqualTo(303);
        assertThat(profile().blockedIps()).hasSize(MAX);
    }

    @Test
    void everyView_bothListsFullOfTheLongestEntries_staysUnderOneMegabyte() {
        setLists(longest(MAX, 1), longest(MAX, 2));

        Answer page = send(admin(AlbEvents.get("/connect")));
        Answer pageJa = send(admin(AlbEvents.get("/connect")).header("accept-language", "ja"));
        Answer json = send(admin(AlbEvents.get("/connect")).header("accept", "application/json"));
        Answer check = send(admin(AlbEvents.get("/connect/check").query("ip", "2001:db8::1")));
        Answer show = new Answer(200, java.util.Map.of(), command("{\"command\":\"show\"}").toString());
        Answer removed = send(admin(AlbEvents.post("/connect")).json(
                "{\"command\":\"remove\",\"confirmLockout\":true,\"entry\":\"" + longest(1, 1).get(0) + "\"}"));

        for (Answer a : List.of(page, pageJa, json, check, removed)) {
            assertThat(a.status()).isEqualTo(200);
        }
        assertThat(page.text()).contains(longest(MAX, 2).get(MAX - 1));
        for (Answer a : List.of(page, pageJa, json, check, show, removed)) {
            // The body as ALB forwards it: a text body counts byte for byte.
            assertThat(a.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(ALB_LIMIT / 2);
        }
        System.out.printf("sizes with 2 x %d entries of 43 characters: page %d B, page (ja) %d B, JSON %d B, "
                        + "check %d B, show command %d B, change answer %d B%n", MAX, bytes(page), bytes(pageJa),
                bytes(json), bytes(check), bytes(show), bytes(removed));
    }

    @Test
    void getConnect_longerListStoredByAnotherTool_showsTheCapAndCountsTheRest() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 3 * MAX; i++) {
            many.add("10." + (i / 256 % 256) + "." + (i % 256) + "." + (i / 65536 + 1));
        }
        setLists(many, longest(MAX, 2));

        Answer page = send(admin(AlbEvents.get("/connect")));
        JsonNode json = send(admin(AlbEvents.get("/connect")).header("accept", "application/json")).json();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("2000 more entries are stored in Connect and not shown here");
        assertThat(bytes(page)).isLessThan(ALB_LIMIT / 2);
        assertThat(json.path("profile").path("allowedIps").size()).isEqualTo(MAX);
        assertThat(json.path("profile").path("allowedIpsCount").asInt()).isEqualTo(3 * MAX);

        // Shortening such a list works; lengthening it does not.
        Answer removed = send(admin(AlbEvents.post("/connect")).form(form("op", "remove", "entry", many.get(0),
                "confirmLockout", "yes")));
        Answer added = send(admin(AlbEvents.post("/connect")).form(form("op", "allow", "entry", "198.51.100.1",
                "confirmLockout", "yes")));

        assertThat(removed.status()).isEqualTo(303);
        assertThat(profile().allowedIps()).hasSize(3 * MAX - 1);
        assertThat(added.status()).isEqualTo(400);
        assertThat(auditLines().get(0).toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(256 * 1024);
    }

    private static int bytes(Answer a) {
        return a.body().getBytes(StandardCharsets.UTF_8).length;
    }
}
