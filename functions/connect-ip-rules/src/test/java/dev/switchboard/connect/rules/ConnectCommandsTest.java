package dev.switchboard.connect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Direct commands, each from its sample in events/, through handleRequest as Lambda calls it. */
class ConnectCommandsTest extends ConnectTestSupport {

    private static byte[] event(String name) throws IOException {
        return Files.readAllBytes(Path.of(System.getProperty("switchboard.root", "../.."), "events", name));
    }

    private JsonNode run(String name) throws IOException {
        return invoke(handler, new ByteArrayInputStream(event(name)));
    }

    @Test
    void show_sampleEvent_answersTheDefaultProfile() throws IOException {
        JsonNode out = run("connect-show.json");

        assertThat(out.path("ok").asBoolean()).isTrue();
        assertThat(out.path("instanceId").asText()).isEqualTo(INSTANCE);
        assertThat(out.path("profile").path("id").asText()).isEqualTo(profileId);
        assertThat(out.path("profiles")).hasSize(1);
        assertThat(updates()).isZero();
    }

    @Test
    void check_sampleEvent_answersWhichEntryDecided() throws IOException {
        setLists(List.of("203.0.113.0/24"), List.of());

        JsonNode out = run("connect-check.json");

        assertThat(out.path("allowed").asBoolean()).isTrue();
        assertThat(out.path("reason").asText()).isEqualTo("allowed_by_entry");
        assertThat(out.path("entry").asText()).isEqualTo("203.0.113.0/24");
    }

    @Test
    void allow_sampleEvent_sendsOnlyTheAllowedListAndAudits() throws IOException {
        JsonNode out = run("connect-allow.json");

        assertThat(out.path("ok").asBoolean()).isTrue();
        assertThat(sentUpdates).containsExactly("{\"AllowedIps\":[\"203.0.113.0/24\",\"2001:db8::/32\"]}");
        assertThat(profile().allowedIps()).containsExactly("203.0.113.0/24", "2001:db8::/32");
        JsonNode audit = auditLines().get(0);
        assertThat(audit.path("actor").asText()).isEqualTo("ops@example.com");
        assertThat(audit.path("sourceIp").asText()).isEqualTo("direct-invoke");
    }

    @Test
    void block_sampleEvent_sendsOnlyTheBlockedList() throws IOException {
        run("connect-block.json");

        assertThat(sentUpdates).containsExactly("{\"BlockedIps\":[\"198.51.100.23\"]}");
    }

    @Test
    void remove_sampleEvent_removesFromTheAllowedList() throws IOException {
        setLists(List.of("203.0.113.0/24", "192.0.2.0/24"), List.of("203.0.113.0/24"));

        JsonNode out = run("connect-remove.json");

        assertThat(out.path("ok").asBoolean()).isTrue();
        assertThat(sentUpdates).containsExactly("{\"AllowedIps\":[\"192.0.2.0/24\"]}");
        assertThat(profile().blockedIps()).containsExactly("203.0.113.0/24");
    }

    @Test
    void setSessions_sampleEvent_sendsBothDurations() throws IOException {
        run("connect-set-sessions.json");

        assertThat(sentUpdates).containsExactly("{\"PeriodicSessionDuration\":30,\"SessionInactivityDuration\":120}");
        assertThat(profile().periodicSessionDuration()).isEqualTo(30);
        assertThat(profile().sessionInactivityDuration()).isEqualTo(120);
    }

    @Test
    void reset_sampleEvent_emptiesBothLists() throws IOException {
        setLists(List.of("203.0.113.0/24"), List.of("198.51.100.0/24"));

        run("connect-reset.json");

        assertThat(sentUpdates).containsExactly("{\"AllowedIps\":[],\"BlockedIps\":[]}");
        assertThat(profile().allowedIps()).isEmpty();
    }

    @Test
    void reset_alreadyEmpty_isANoOpWithNothingSent() throws IOException {
        JsonNode out = run("connect-reset.json");

        assertThat(out.path("changed").asBoolean()).isFalse();
        assertThat(updates()).isZero();
    }

    @Test
    void albGet_sampleEvent_rendersThePageInJapaneseForASignedInAdmin() throws IOException {
        ObjectNode event = (ObjectNode) Json.mapper().readTree(event("connect-alb-get.json"));
        ((ObjectNode) event.get("headers")).put("x-amzn-oidc-data", token(ADMIN));

        JsonNode out = invoke(handler, new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)));

        assertThat(out.path("statusCode").asInt()).isEqualTo(200);
        assertThat(out.path("statusDescription").asText()).isEqualTo("200 OK");
        assertThat(out.path("body").asText()).contains("Amazon Connect IP アクセス制限", "203.0.113.7");
    }

    @Test
    void albGet_sampleEventWithItsPlaceholderToken_is401() throws IOException {
        JsonNode out = invoke(handler, new ByteArrayInputStream(event("connect-alb-get.json")));

        assertThat(out.path("statusCode").asInt()).isEqualTo(401);
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void unknownCommand_isBadRequestListingTheValidOnes() {
        JsonNode out = command("{\"command\":\"wipe\"}");

        assertThat(out.path("ok").asBoolean()).isFalse();
        assertThat(out.path("status").asInt()).isEqualTo(400);
        assertThat(out.path("message").asText()).contains("show, check, allow, block, remove, set-sessions, reset");
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void allow_invalidEntry_changesNothing() {
        JsonNode out = command("{\"command\":\"allow\",\"entries\":[\"10.0.0.0/33\"]}");

        assertThat(out.path("error").asText()).isEqualTo("invalid_entry");
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void allow_staleExpectedLastModified_is409WithCurrentListsAndNothingWritten() {
        String old = profile().lastModifiedTime().toString();
        setLists(List.of("203.0.113.0/24"), List.of());

        JsonNode out = command("{\"command\":\"allow\",\"entries\":[\"192.0.2.0/24\"],\"expectedLastModified\":\"" + old + "\"}");

        assertThat(out.path("status").asInt()).isEqualTo(409);
        assertThat(out.path("current").path("allowedIps").toString()).isEqualTo("[\"203.0.113.0/24\"]");
        assertThat(updates()).isZero();
    }

    @Test
    void setSessions_outOfRange_isBadRequest() {
        JsonNode out = command("{\"command\":\"set-sessions\",\"periodicSessionDuration\":61}");

        assertThat(out.path("message").asText()).contains("between 10 and 60");
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void check_invalidIp_isBadRequest() {
        JsonNode out = command("{\"command\":\"check\",\"ip\":\"::g\"}");

        assertThat(out.path("status").asInt()).isEqualTo(400);
    }

    @Test
    void show_configuredProfile_isUsedWithoutLookingForTheDefault() {
        emu.seedAuthenticationProfile(INSTANCE, "office-profile", "Office", false);
        handler = handler(connect, "office-profile");

        JsonNode out = command("{\"command\":\"check\",\"ip\":\"192.0.2.1\"}");

        assertThat(out.path("profileId").asText()).isEqualTo("office-profile");
        assertThat(emu.callCount("ListAuthenticationProfiles")).isZero();
    }
}
