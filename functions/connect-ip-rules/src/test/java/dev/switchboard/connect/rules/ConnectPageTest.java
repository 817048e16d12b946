package dev.switchboard.connect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.testing.AlbEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.connect.model.AuthenticationProfile;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The /connect pages through the real handler, verifier, SDK client and emulator. */
class ConnectPageTest extends ConnectTestSupport {

    // ---------------------------------------------------------------- GET /connect

    @Test
    void getConnect_admin_showsListsDurationsAndOwnAddress() {
        setLists(List.of("203.0.113.0/24"), List.of("203.0.113.99"));

        Answer page = send(admin(AlbEvents.get("/connect")));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).startsWith("text/html");
        assertThat(page.text()).contains("Amazon Connect IP rules", "Default", profileId, "203.0.113.0/24",
                "203.0.113.99", "Periodic session duration", "60 minutes", "Maximum session duration", "720 minutes",
                "(ap-northeast-1)", "Your current address", ADMIN_IP, "Allowed by the entry 203.0.113.0/24",
                "blocked wins", "emergency admin login", "Signed in as " + ADMIN);
        assertThat(page.body()).contains("name=\"lastModified\" value=\"" + profile().lastModifiedTime() + "\"");
        assertThat(updates()).isZero();
    }

    @Test
    void getConnect_showsTimesInTheConfiguredZone_named() {
        handler = handler(connect, null, ZoneId.of("Asia/Tokyo"));

        Answer page = send(admin(AlbEvents.get("/connect")));

        String tokyo = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(profile().lastModifiedTime().atZone(ZoneId.of("Asia/Tokyo")));
        assertThat(page.text()).contains(tokyo + " Asia/Tokyo").doesNotContain(" UTC");
    }

    @Test
    void getConnect_noZoneConfigured_showsUtc() {
        Answer page = send(admin(AlbEvents.get("/connect")));

        String utc = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(profile().lastModifiedTime().atZone(ZoneOffset.UTC));
        assertThat(page.text()).contains(utc + " UTC");
    }

    @Test
    void getConnect_japanese_speaksJapanese() {
        Answer page = send(admin(AlbEvents.get("/connect")).header("accept-language", "ja,en;q=0.5"));

        assertThat(page.body()).contains("<html lang=\"ja\"");
        assertThat(page.text()).contains("Amazon Connect IP アクセス制限", "認証プロファイル", "あなたの現在のアドレス",
                "許可リストが空なので", "ブロックが優先", "緊急管理者ログインには IP 制限は適用されません");
    }

    @Test
    void getConnect_severalProfiles_listsThemAndShowsTheChosenOne() {
        emu.seedAuthenticationProfile(INSTANCE, "office-profile", "Office", false);

        Answer page = send(admin(AlbEvents.get("/connect").query("profile", "office-profile")));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h2>Office</h2>", "href=\"/connect?profile=" + profileId + "\"");
    }

    @Test
    void getConnect_nonAdmin_isRefusedAndNothingIsReadFromConnect() {
        Answer page = send(as(AlbEvents.get("/connect"), EMPLOYEE, "198.51.100.1"));
        Answer check = send(as(AlbEvents.get("/connect/check").query("ip", "10.0.0.1"), EMPLOYEE, "198.51.100.1"));
        Answer post = send(as(AlbEvents.post("/connect"), EMPLOYEE, "198.51.100.1")
                .form(Map.of("op", "allow", "entry", "10.0.0.1", "lastModified", "2025-01-01T00:00:00Z")));

        assertThat(List.of(page.status(), check.status(), post.status())).containsOnly(403);
        assertThat(page.text()).contains("Only Amazon Connect administrators");
        assertThat(emu.calls()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u212Aiss@example.com", "KI\u017F\u017F@EXAMPLE.COM", "k\u0130ss@example.com",
            "k\u0131ss@example.com", "\uFF4Biss@example.com", "kiss@\u0435xample.com", "kiss@ex\u0430mple.com",
            "kiss@example.c\u043Em"})
    void anyRequest_lookAlikeOfAnAdmin_isRefusedAndNothingIsReadFromConnect(String lookAlike) {
        Answer page = send(as(AlbEvents.get("/connect"), lookAlike, "198.51.100.1"));
        Answer post = send(as(AlbEvents.post("/connect"), lookAlike, "198.51.100.1")
                .form(Map.of("op", "allow", "entry", "10.0.0.1", "lastModified", "2025-01-01T00:00:00Z")));

        assertThat(List.of(page.status(), post.status())).containsOnly(403);
        assertThat(emu.calls()).isEmpty();
        assertThat(auditLines()).isEmpty();
    }

    @Test
    void getConnect_theRealAdminInAsciiUpperCase_isAnAdmin() {
        Answer page = send(as(AlbEvents.get("/connect"), "KISS@Example.COM", ADMIN_IP));

        assertThat(page.status()).isEqualTo(200);
    }

    @Test
    void getConnect_nonAdminWithJapaneseBrowser_isToldInJapanese() {
        Answer page = send(as(AlbEvents.get("/connect").header("accept-language", "ja"), EMPLOYEE, "198.51.100.1"));

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).contains("管理者（ADMIN_EMAILS）だけが使えます").doesNotContain("Only Amazon Connect");
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void getConnect_withoutToken_is401AndNothingIsRead() {
        Answer page = send(AlbEvents.get("/connect"));

        assertThat(page.status()).isEqualTo(401);
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void getConnect_unknownProfile_isNotFound() {
        Answer page = send(admin(AlbEvents.get("/connect").query("profile", "no-such-profile")));

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text()).contains("no authentication profile 'no-such-profile'");
    }

    @Test
    void getConnect_malformedProfileId_isBadRequestAndNothingRead() {
        Answer page = send(admin(AlbEvents.get("/connect").query("profile", "%3Cscript%3Ealert(1)%3C/script%3E")));

        assertThat(page.status()).isEqualTo(400);
        // The error page has one script of its own (the hashed "Go back"); the typed one must not appear as markup.
        assertThat(page.body()).doesNotContain("<script>alert(1)");
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void getConnect_acceptJson_answersTheProfileAndTheAdminsVerdict() {
        setLists(List.of("10.0.0.0/8"), List.of());

        JsonNode body = send(admin(AlbEvents.get("/connect")).header("accept", "application/json")).json();

        assertThat(body.path("profile").path("allowedIps").toString()).isEqualTo("[\"10.0.0.0/8\"]");
        assertThat(body.path("profile").path("lastModified").asText()).isEqualTo(profile().lastModifiedTime().toString());
        assertThat(body.path("you").path("allowed").asBoolean()).isFalse();
        assertThat(body.path("you").path("reason").asText()).isEqualTo("not_in_allowed_list");
    }

    // ---------------------------------------------------------------- GET /connect/check (seed 000)

    @ParameterizedTest(name = "example {0}: {3}")
    @CsvSource(delimiter = '|', value = {
            "1 | 111.222.0.0/16 | - | 111.222.34.5 | true | 111.222.0.0/16",
            "1 | 111.222.0.0/16 | - | 111.223.0.1 | false | -",
            "2 | - | 155.155.155.0/24 | 155.155.155.200 | false | 155.155.155.0/24",
            "2 | - | 155.155.155.0/24 | 8.8.8.8 | true | -",
            "3 | 200.255.0.0/16 | 200.255.10.0/24;200.255.40.50;192.123.211.211 | 200.255.10.1 | false | 200.255.10.0/24",
            "3 | 200.255.0.0/16 | 200.255.10.0/24;200.255.40.50;192.123.211.211 | 200.255.40.50 | false | 200.255.40.50",
            "3 | 200.255.0.0/16 | 200.255.10.0/24;200.255.40.50;192.123.211.211 | 200.255.99.1 | true | 200.255.0.0/16",
            "4 | - | - | 192.0.2.1 | true | -",
            "4 | - | - | 2001:db8::1 | true | -",
    })
    void check_seedExamples_answerByTheTable(int example, String allowed, String blocked, String ip,
                                             boolean expected, String entry) {
        setLists(split(allowed), split(blocked));

        JsonNode body = send(admin(AlbEvents.get("/connect/check").query("ip", ip))
                .header("accept", "application/json")).json();

        assertThat(body.path("allowed").asBoolean()).isEqualTo(expected);
        assertThat(body.path("entry").isNull() ? "-" : body.path("entry").asText()).isEqualTo(entry);
        assertThat(updates()).isZero();
    }

    @Test
    void check_html_saysWhichEntryDecided() {
        setLists(List.of("2001:db8::/32"), List.of());

        Answer page = send(admin(AlbEvents.get("/connect/check").query("ip", "2001%3Adb8%3A%3A5")));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("2001:db8::5", "Allowed", "Allowed by the entry 2001:db8::/32");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.256", "10.0.0.0%2F8", "%3A%3Ag", "", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"})
    void check_invalidIp_isBadRequestAndNothingRead(String rawIp) {
        Answer page = send(admin(AlbEvents.get("/connect/check").query("ip", rawIp)));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).doesNotContain("<script>alert");
        assertThat(emu.calls()).isEmpty();
    }

    // ---------------------------------------------------------------- POST /connect: allow / block / remove

    @Test
    void postAllow_cidrWithHostBits_sendsOnlyTheAllowedListNormalisedAndRedirectsWithANotice() {
        Answer answer = send(admin(AlbEvents.post("/connect")).form(form("op", "allow", "entry", "203.0.113.9/16")));

        assertThat(answer.status()).isEqualTo(303);
        assertThat(sentUpdates).containsExactly("{\"AllowedIps\":[\"203.0.0.0/16\"]}");
        assertThat(profile().allowedIps()).containsExactly("203.0.0.0/16");
        String location = answer.header("location");
        assertThat(location).startsWith("/connect?profile=" + profileId + "&notice=allow");

        Answer after = send(admin(AlbEvents.get("/connect").query("profile", profileId)
                .query("notice", "allow").query("normalised", param(location, "normalised"))));
        assertThat(after.text()).contains("Added to the allowed list.", "203.0.113.9/16 was stored as 203.0.0.0/16");
    }

    @Test
    void postBlock_ipv6_sendsOnlyTheBlockedList() {
        setLists(List.of(), List.of("192.0.2.1"));

        Answer answer = send(admin(AlbEvents.post("/connect")).form(form("op", "block", "entry", "2001:DB8:bad::/48")));

        assertThat(answer.status()).isEqualTo(303);
        assertThat(sentUpdates).containsExactly("{\"BlockedIps\":[\"192.0.2.1\",\"2001:db8:bad::/48\"]}");
        assertThat(profile().blockedIps()).containsExactly("192.0.2.1", "2001:db8:bad::/48");
        assertThat(profile().allowedIps()).isEmpty();
    }

    @Test
    void postRemove_fromBlockedList_keepsTheOtherEntriesAsStored() {
        setLists(List.of("203.0.113.0/24"), List.of("10.9.9.9/32", "198.51.100.0/24"));

        Answer answer = send(admin(AlbEvents.post("/connect"))
                .form(form("op", "remove", "list", "blocked", "entry", "10.9.9.9")));

        assertThat(answer.status()).isEqualTo(303);
        assertThat(sentUpdates).containsExactly("{\"BlockedIps\":[\"198.51.100.0/24\"]}");
        assertThat(profile().allowedIps()).containsExactly("203.0.113.0/24");
    }

    @Test
    void postRemove_entryNotInTheList_isBadRequestAndNothingWritten() {
        Answer answer = send(admin(AlbEvents.post("/connect"))
                .form(form("op", "remove", "list", "allowed", "entry", "10.9.9.9")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("10.9.9.9 is not in the allowed list");
        assertThat(updates()).isZero();
    }

    @Test
    void postAllow_duplicateAfterNormalising_isRefusedAndNothingWritten() {
        setLists(List.of("203.0.113.0/24"), List.of());
        AuthenticationProfile before = profile();

        Answer answer = send(admin(AlbEvents.post("/connect")).form(form("op", "allow", "entry", "203.0.113.77/24")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("203.0.113.0/24 is already in the allowed list");
        assertThat(updates()).isZero();
        assertThat(profile()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.256", "10.0.0.0/33", "::g", "", "123456789012345678901234567890123456789012345678901",
            "<script>alert(1)</script>"})
    void postAllow_invalidEntry_isBadRequestNamingItAndNothingWritten(String entry) {
        setLists(List.of("203.0.113.0/24"), List.of());
        AuthenticationProfile before = profile();
        int updatesBefore = updates();

        Answer answer = send(admin(AlbEvents.post("/connect")).form(form("op", "allow", "entry", entry)));

        assertThat(answer.status()).isEqualTo(400);
        if (!entry.isEmpty()) {
            assertThat(answer.text()).contains(IpEntry.shorten(entry));
        }
        assertThat(answer.body()).doesNotContain("<script>alert");
        assertThat(updates()).isEqualTo(updatesBefore);
        assertThat(profile()).isEqualTo(before);
    }

    @Test
    void postAllow_invalidEntryAsJson_isAJsonBadRequestAndNothingWritten() {
        Answer answer = send(admin(AlbEvents.post("/connect"))
                .json("{\"op\":\"allow\",\"entries\":[\"10.0.0.1\",\"10.0.0.256\"]}"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asText()).isEqualTo("invalid_entry");
        assertThat(answer.json().path("message").asText()).contains("10.0.0.256");
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void postAllow_json_answersJsonWithTheNewLists() {
        Answer answer = send(admin(AlbEvents.post("/connect"))
                .json("{\"op\":\"allow\",\"entries\":[\"203.0.113.0/24\",\"2001:db8::/32\"]}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("profile").path("allowedIps").toString())
                .isEqualTo("[\"203.0.113.0/24\",\"2001:db8::/32\"]");
        assertThat(sentUpdates).containsExactly("{\"AllowedIps\":[\"203.0.113.0/24\",\"2001:db8::/32\"]}");
    }

    // ---------------------------------------------------------------- set-sessions / reset

    @Test
    void postSetSessions_sendsOnlyTheChangedDuration() {
        Answer answer = send(admin(AlbEvents.post("/connect")).form(form("op", "set-sessions",
                "periodicSessionDuration", "60", "sessionInactivityDuration", "30")));

        assertThat(answer.status()).isEqualTo(303);
        assertThat(sentUpdates).containsExactly("{\"SessionInactivityDuration\":30}");
        assertThat(profile().sessionInactivityDuration()).isEqualTo(30);
        assertThat(profile().periodicSessionDuration()).isEqualTo(60);
    }

    @ParameterizedTest
    @CsvSource({"9, 30", "61, 30", "30, 14", "30, 721", "abc, 30", "12.5, 30"})
    void postSetSessions_outOfRange_isBadRequestAndNothingWritten(String periodic, String inactivity) {
        Answer answer = send(admin(AlbEvents.post("/connect")).form(form("op", "set-sessions",
                "periodicSessionDuration", periodic, "sessionInactivityDuration", inactivity)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).containsAnyOf("between 10 and 60", "between 15 and 720", "whole number");
        assertThat(updates()).isZero();
    }

    @Test
    void postReset_withoutConfirmation_asksAndWritesNothing() {
        setLists(List.of("203.0.113.0/24"), List.of("198.51.100.0/24"));

        Answer answer = send(admin(AlbEvents.post("/connect")).form(form("op", "reset")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).contains("Reset the IP rules?", "Empty both lists");
        assertThat(answer.body()).contains("name=\"confirm\" value=\"yes\"");
        assertThat(updates()).isZero();
    }

    @Test
    void postReset_confirmed_sendsBothListsEmpty() {
        setLists(List.of("203.0.113.0/24"), List.of("198.51.100.0/24"));

        Answer answer = send(admin(AlbEvents.post("/connect")).form(form("op", "reset", "confirm", "yes")));

        assertThat(answer.status()).isEqualTo(303);
        assertThat(sentUpdates).containsExactly("{\"AllowedIps\":[],\"BlockedIps\":[]}");
        assertThat(profile().allowedIps()).isEmpty();
        assertThat(profile().blockedIps()).isEmpty();
    }

    // ---------------------------------------------------------------- no lost update

    @Test
    void postAllow_someoneElseChangedMeanwhile_is409ThenBothChangesSurvive() {
        // Admin A loads the page.
        Answer pageA = send(admin(AlbEvents.get("/connect")));
        String versionA = lastModifiedOn(pageA);
        // Admin B changes the profile.
        emu.advanceClock(Duration.ofSeconds(2));
        Answer b = send(as(AlbEvents.post("/connect"), ADMIN_B, ADMIN_IP)
                .form(form("op", "allow", "entry", "203.0.113.0/24")));
        assertThat(b.status()).isEqualTo(303);
        int updatesAfterB = updates();

        // A's write, built on the old page, is refused and shows the current lists.
        Answer a = send(admin(AlbEvents.post("/connect")).form(Map.of("profile", profileId,
                "lastModified", versionA, "op", "allow", "entry", "198.51.100.0/24")));
        assertThat(a.status()).isEqualTo(409);
        assertThat(a.text()).contains("Someone changed this authentication profile", "203.0.113.0/24",
                "Your change: allow 198.51.100.0/24");
        assertThat(updates()).isEqualTo(updatesAfterB);

        // A re-applies on the fresh page: both entries are there.
        String fresh = lastModifiedOn(send(admin(AlbEvents.get("/connect"))));
        Answer again = send(admin(AlbEvents.post("/connect")).form(Map.of("profile", profileId,
                "lastModified", fresh, "op", "allow", "entry", "198.51.100.0/24")));
        assertThat(again.status()).isEqualTo(303);
        assertThat(profile().allowedIps()).containsExactly("203.0.113.0/24", "198.51.100.0/24");
        assertThat(auditLines()).extracting(n -> n.path("result").asText())
                .containsExactly("ok", "refused-stale", "ok");
    }

    @Test
    void postAllow_staleAsJson_is409WithTheCurrentLists() {
        String old = profile().lastModifiedTime().toString();
        setLists(List.of("203.0.113.0/24"), List.of());

        Answer answer = send(admin(AlbEvents.post("/connect")).json("{\"op\":\"block\",\"entry\":\"192.0.2.1\","
                + "\"expectedLastModified\":\"" + old + "\"}"));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().path("error").asText()).isEqualTo("stale_profile");
        assertThat(answer.json().path("current").path("allowedIps").toString()).isEqualTo("[\"203.0.113.0/24\"]");
        assertThat(sentUpdates).isEmpty();
    }

    @Test
    void postAllow_formWithoutLastModified_isBadRequest() {
        Answer answer = send(admin(AlbEvents.post("/connect")).form(Map.of("op", "allow", "entry", "10.0.0.1")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(updates()).isZero();
    }

    // ---------------------------------------------------------------- self-lockout

    @Test
    void postAllow_thatLocksOutTheAdmin_isRefusedThenAcceptedWhenConfirmed() {
        Answer refused = send(admin(AlbEvents.post("/connect")).form(form("op", "allow", "entry", "10.0.0.0/8")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).contains("This change would lock you out", ADMIN_IP, "Apply anyway");
        assertThat(refused.body()).contains("name=\"confirmLockout\" value=\"yes\"", "name=\"entry\" value=\"10.0.0.0/8\"");
        assertThat(updates()).isZero();
        assertThat(auditLines()).extracting(n -> n.path("result").asText()).containsExactly("refused-lockout");

        Answer confirmed = send(admin(AlbEvents.post("/connect"))
                .form(form("op", "allow", "entry", "10.0.0.0/8", "confirmLockout", "yes")));

        assertThat(confirmed.status()).isEqualTo(303);
        assertThat(profile().allowedIps()).containsExactly("10.0.0.0/8");
    }

    @Test
    void postBlock_ownAddress_isRefusedAsLockout() {
        Answer refused = send(admin(AlbEvents.post("/connect")).form(form("op", "block", "entry", "203.0.113.0/24")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).contains("Refused: it is in the blocked entry 203.0.113.0/24");
        assertThat(updates()).isZero();
    }

    // ---------------------------------------------------------------- CSRF, size, malformed input

    @ParameterizedTest
    @CsvSource({"sec-fetch-site, cross-site", "sec-fetch-site, same-site", "origin, https://evil.example.net",
            "origin, null", "origin, http://vpn.example.com", "origin, https://x@vpn.example.com",
            "origin, https://vpn.example.com:8443", "origin, https://vpn.example.com.evil.net"})
    void post_fromAnotherSite_isRefusedAndNothingRead(String header, String value) {
        Answer answer = send(admin(AlbEvents.post("/connect")).header(header, value)
                .form(Map.of("profile", profileId, "lastModified", "2025-01-01T00:00:00Z", "op", "allow", "entry", "10.0.0.1")));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void post_sameOriginBrowser_isAccepted() {
        Answer answer = send(admin(AlbEvents.post("/connect")).header("sec-fetch-site", "same-origin")
                .header("origin", "https://vpn.example.com")
                .form(form("op", "allow", "entry", "203.0.113.0/24")));

        assertThat(answer.status()).isEqualTo(303);
    }

    @Test
    void post_oversizedBody_is413AndNothingRead() {
        String big = "entry=" + "1".repeat(1024 * 1024 + 10);
        Answer answer = send(admin(AlbEvents.post("/connect")).header("content-type", "application/x-www-form-urlencoded")
                .rawBody(big, false));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void post_malformedForm_isBadRequestAndNothingRead() {
        Answer answer = send(admin(AlbEvents.post("/connect")).header("content-type", "application/x-www-form-urlencoded")
                .rawBody("op=allow&entry=%zz&lastModified=x", false));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void post_malformedJson_isAJsonBadRequest() {
        Answer answer = send(admin(AlbEvents.post("/connect")).json("{\"op\":"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asText()).isEqualTo("malformed_json");
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void post_unknownOperation_isBadRequestListingTheValidOnes() {
        Answer answer = send(admin(AlbEvents.post("/connect")).form(form("op", "delete-everything")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("allow, block, remove, set-sessions, reset");
    }

    // ---------------------------------------------------------------- audit and logs

    @Test
    void postAllow_writesOneAuditLineWithBeforeAndAfter() {
        send(admin(AlbEvents.post("/connect")).form(form("op", "allow", "entry", "203.0.113.0/24")));

        List<JsonNode> audit = auditLines();
        assertThat(audit).hasSize(1);
        JsonNode line = audit.get(0);
        assertThat(line.path("actor").asText()).isEqualTo(ADMIN);
        assertThat(line.path("actorSub").asText()).isEqualTo("sub-" + ADMIN.hashCode());
        assertThat(line.path("sourceIp").asText()).isEqualTo(ADMIN_IP);
        assertThat(line.path("action").asText()).isEqualTo("connect.allow");
        assertThat(line.path("target").asText()).isEqualTo(profileId);
        assertThat(line.path("result").asText()).isEqualTo("ok");
        assertThat(line.path("before").path("allowedIps").toString()).isEqualTo("[]");
        assertThat(line.path("after").path("allowedIps").toString()).isEqualTo("[\"203.0.113.0/24\"]");
        assertThat(line.path("after").path("periodicSessionDuration").asInt()).isEqualTo(60);
        assertThat(String.join("\n", logLines)).doesNotContain("x-amzn-oidc", token(ADMIN).substring(0, 40));
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> split(String semicolonSeparated) {
        return semicolonSeparated.equals("-") ? List.of() : Arrays.asList(semicolonSeparated.split(";"));
    }

    private static String lastModifiedOn(Answer page) {
        Matcher m = Pattern.compile("name=\"lastModified\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).as("the page carries its version").isTrue();
        return m.group(1);
    }

    /** A query parameter of a Location header, still URL-encoded (ALB passes query values raw). */
    private static String param(String location, String name) {
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + location + " (" + URLDecoder.decode(location, StandardCharsets.UTF_8) + ")");
    }
}
