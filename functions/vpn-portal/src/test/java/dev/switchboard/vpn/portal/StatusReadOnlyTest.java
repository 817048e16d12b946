package dev.switchboard.vpn.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.testing.AlbEvents;
import dev.switchboard.vpn.VpnTags;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read never writes (issue 13.7): {@code GET /status}, however it is asked for, the page's self-refresh and
 * the {@code status} command only describe. Each test sets up a VPN that needs both repairs — subnet A
 * associated without its {@code VPN_ROUTES} route, subnet C's association failed within the retry window —
 * and then checks EC2's call log: nothing but {@code Describe*}.
 */
class StatusReadOnlyTest extends PortalTestSupport {

    private static final List<String> WRITES = List.of("AssociateClientVpnTargetNetwork",
            "DisassociateClientVpnTargetNetwork", "CreateClientVpnRoute", "CreateTags");

    private Map<String, String> tagsBefore;
    private List<String> associationsBefore;

    @BeforeEach
    void turnedOnWithOneSubnetFailedAndARouteMissing() {
        emu.failNextAssociation(SUBNET_C);
        call(navigate("/", EMPLOYEE));
        emu.advanceClock(Duration.ofMinutes(10));
        logLines.clear();
        tagsBefore = endpointTags();
        associationsBefore = associationStates();
        assertThat(associationsBefore).containsExactlyInAnyOrder(SUBNET_A + "=associated", SUBNET_C + "=association-failed");
        assertThat(tagsBefore).containsKey(VpnTags.TURNED_ON_AT);
    }

    private List<String> writesSince(int mark) {
        return emu.calls().subList(mark, emu.calls().size()).stream().filter(WRITES::contains).toList();
    }

    @Test
    void getStatus_scriptOrBrowser_writesNothingAndRepairsNothing() {
        int mark = emu.calls().size();

        JsonNode script = call(AlbEvents.get("/status").token(token(EMPLOYEE)).header("accept", "application/json"));
        JsonNode bare = call(AlbEvents.get("/status").token(token(EMPLOYEE)));
        JsonNode browser = call(AlbEvents.get("/status").token(token(EMPLOYEE)).header("sec-fetch-site", "none")
                .header("accept", "text/html,application/xhtml+xml"));
        JsonNode crossSite = call(AlbEvents.get("/status").token(token(ADMIN)).header("sec-fetch-site", "cross-site"));

        for (JsonNode r : List.of(script, bare, browser, crossSite)) {
            assertThat(r.path("statusCode").asInt()).isEqualTo(200);
        }
        assertThat(body(script).path("failedSubnets").toString()).contains(SUBNET_C);
        assertThat(writesSince(mark)).isEmpty();
        assertThat(emu.calls().subList(mark, emu.calls().size())).allMatch(c -> c.startsWith("Describe"));
        assertThat(associationStates()).isEqualTo(associationsBefore);
        assertThat(endpointTags()).isEqualTo(tagsBefore);
        assertThat(routeCount()).isZero();
        assertThat(logLines).noneMatch(l -> l.contains("\"type\":\"audit\""));
    }

    @Test
    void statusCommandAndPageRefresh_writeNothing() {
        int mark = emu.calls().size();

        JsonNode status = command("{\"action\":\"status\"}");
        JsonNode refresh = call(navigate("/?refresh=1", EMPLOYEE).header("sec-fetch-site", "same-origin"));
        JsonNode fromAnotherSite = call(navigate("/", EMPLOYEE).header("sec-fetch-site", "cross-site"));

        assertThat(status.path("ok").asBoolean()).isTrue();
        assertThat(refresh.path("statusCode").asInt()).isEqualTo(200);
        assertThat(fromAnotherSite.path("statusCode").asInt()).isEqualTo(200);
        assertThat(writesSince(mark)).isEmpty();
        assertThat(associationStates()).isEqualTo(associationsBefore);
        assertThat(endpointTags()).isEqualTo(tagsBefore);
        assertThat(logLines).noneMatch(l -> l.contains("\"type\":\"audit\""));
    }

    @Test
    void repairCommand_theSchedule_retriesTheFailedSubnetOnceAndCreatesTheRoute() {
        emu.failNextAssociation(SUBNET_C); // the retry fails too
        JsonNode first = command("{\"action\":\"repair\",\"requestedBy\":\"schedule\"}");
        emu.advanceClock(Duration.ofMinutes(10));
        JsonNode second = command("{\"action\":\"repair\",\"requestedBy\":\"schedule\"}");

        assertThat(first.path("ok").asBoolean()).isTrue();
        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).isEqualTo(3); // the turn-on's two, one retry
        assertThat(routeCount()).isEqualTo(1);
        assertThat(second.path("status").path("failedSubnets").toString()).isEqualTo("[\"" + SUBNET_C + "\"]");
        assertThat(auditLines("vpn.retry")).singleElement()
                .satisfies(a -> assertThat(a.path("actor").asText()).isEqualTo("schedule"));
        assertThat(auditLines("vpn.route")).hasSize(1);
    }

    @Test
    void navigationToThePage_aStateChangingVisit_runsTheRepairs() {
        JsonNode page = call(navigate("/", "hanako@example.com"));

        assertThat(page.path("statusCode").asInt()).isEqualTo(200);
        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).isEqualTo(3);
        assertThat(routeCount()).isEqualTo(1);
        assertThat(auditLines("vpn.retry")).singleElement().satisfies(a -> {
            assertThat(a.path("actor").asText()).isEqualTo("hanako@example.com");
            assertThat(a.path("actorSub").asText()).isEqualTo(sub("hanako@example.com"));
        });
    }

    @Test
    void postOn_alreadyOn_runsTheRepairs() {
        JsonNode r = call(AlbEvents.post("/on").token(token(EMPLOYEE)).json("{}"));

        // Subnet C has no association in progress or done, so a turn-on starts it anew; A gets its route.
        assertThat(body(r).path("outcome").asText()).isEqualTo("started");
        assertThat(routeCount()).isEqualTo(1);
    }

    private static long routeCount() {
        return ec2.describeClientVpnRoutes(r -> r.clientVpnEndpointId(ENDPOINT)).routes().stream()
                .filter(r -> r.destinationCidr().equals(OFFICE_CIDR)).count();
    }
}
