package dev.switchboard.vpn.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.vpn.VpnTags;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page states the turn-off the schedule will really make, in words, and the administrator sees what the month
 * has cost beside always-on. Standard settings: idle 60, grace 30, nightly 22:00 (Asia/Tokyo), nightly idle 5.
 */
class NextTurnOffTest extends PortalTestSupport {

    @Test
    void page_byDay_statesTheIdleRuleAndTheNightlyRuleThatCutsNobody() {
        turnOnAndSettle();

        String page = page(EMPLOYEE, "en");

        assertThat(page).contains("after 60 minutes with nobody connected (30 minutes after a turn-on if nobody connects)")
                .contains("at 22:00 (Asia/Tokyo) if nobody is connected, otherwise 5 minutes after the last person disconnects")
                .doesNotContain("at the latest").doesNotContain("id=\"deadline\"");
        assertThat(page(EMPLOYEE, "ja")).contains("22:00（Asia/Tokyo）にだれも接続していなければその時点で")
                .contains("最後の人が切断してから 5 分後");
    }

    @Test
    void page_afterTheNightlyRunFoundSomeoneConnected_saysItWaitsForTheLastPerson() {
        turnOnAndSettle();
        tag(VpnTags.NIGHTLY_SINCE, emu.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString());
        emu.advanceClock(Duration.ofSeconds(2));

        assertThat(page(EMPLOYEE, "en"))
                .contains("the nightly turn-off is waiting for the last person: 5 minutes after nobody is connected")
                .doesNotContain("60 minutes with nobody connected");
    }

    @Test
    void page_turnedOnAfterTheNightlyRun_theDayRulesApplyAgain() {
        tag(VpnTags.NIGHTLY_SINCE, emu.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60).toString());
        turnOnAndSettle();

        assertThat(page(EMPLOYEE, "en")).doesNotContain("the nightly turn-off is waiting")
                .contains("after 60 minutes with nobody connected");
    }

    @Test
    void page_deadlineSet_saysItAndWarnsOnceTheNightHasBegun() {
        handler = newHandler(Map.of("NIGHTLY_DEADLINE", "23:30"));
        turnOnAndSettle();
        tag(VpnTags.NIGHTLY_SINCE, emu.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString());
        emu.advanceClock(Duration.ofSeconds(2));

        String page = page(EMPLOYEE, "en");

        assertThat(page).contains("at 23:30 at the latest, even with people connected")
                .contains("id=\"deadline\"")
                .contains("The VPN will be turned off at 23:30 even if you are connected");
        assertThat(page(EMPLOYEE, "ja")).contains("接続中でも 23:30 にオフになります");
        JsonNode status = body(call(navigate("/status", EMPLOYEE).header("accept", "application/json")));
        assertThat(status.path("turnOff").path("deadline").asText()).isEqualTo("23:30");
        assertThat(status.path("turnOff").path("waitingForTheLastPerson").asBoolean()).isTrue();
    }

    @Test
    void page_noScheduleAtAll_saysOnlyAnAdministratorTurnsItOff() {
        handler = newHandler(Map.of("IDLE_MINUTES", "0", "NIGHTLY_OFF_TIME", ""));
        // The turn-off row is shown only while the VPN is on: an Off page never says when it turns off.
        turnOnAndSettle();

        assertThat(page(EMPLOYEE, "en")).contains("only when an administrator turns it off");
    }

    @Test
    void adminView_afterAnHourOnAndATurnOff_showsTheMonthsHoursAndCostBesideAlwaysOn() {
        command("{\"command\":\"on\",\"requestedBy\":\"ops@example.com\"}");
        emu.advanceClock(Duration.ofHours(1));

        command("{\"command\":\"off\"}");

        // Two subnets for an hour: 2.0 subnet-hours, USD 0.30; the ledger is in the endpoint's tags.
        assertThat(endpointTags().get(VpnTags.USAGE)).matches("\\d{4}-\\d{2};since=.+;subnet-seconds=720[0-9]");
        String admin = page(ADMIN, "en");
        assertThat(admin).contains("id=\"month\"").contains("2.0 association-hours since").contains("about USD 0.30")
                .contains("Always on would have cost about USD 0.30 (2.0 hours)")
                .contains("the per-connection charge (about USD 0.05 per connection-hour) is not included");
        assertThat(page(EMPLOYEE, "en")).doesNotContain("id=\"month\"");
    }

    @Test
    void adminView_inTheFirstMinutes_showsHundredthsOfAnHourBesideTheCents() {
        command("{\"command\":\"on\",\"requestedBy\":\"ops@example.com\"}");
        emu.advanceClock(Duration.ofMinutes(2));

        command("{\"command\":\"off\"}");

        // Two subnets for two minutes (plus the test's own seconds): 0.07 hours, USD 0.01; never "0.0 hours".
        String admin = page(ADMIN, "en");
        assertThat(admin).containsPattern("0\\.0[7-8] association-hours since").contains("about USD 0.01")
                .doesNotContain("0.0 association-hours");
    }

    private void turnOnAndSettle() {
        command("{\"command\":\"on\",\"requestedBy\":\"ops@example.com\"}");
        emu.advanceClock(Duration.ofMinutes(8));
    }

    private String page(String email, String lang) {
        return call(navigate("/status", email).header("accept-language", lang)).path("body").asText();
    }

    private static void tag(String key, String value) {
        ec2.createTags(r -> r.resources(ENDPOINT).tags(Tag.builder().key(key).value(value).build()));
    }
}
