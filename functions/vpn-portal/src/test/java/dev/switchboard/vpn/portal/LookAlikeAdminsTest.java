package dev.switchboard.vpn.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.identity.AdminEmails;
import dev.switchboard.vpn.VpnTags;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A directory user whose address only looks like an administrator's is not one (issue 13.1), and the audit line
 * and the endpoint's tags tell two people apart by the token's {@code sub}.
 */
class LookAlikeAdminsTest extends PortalTestSupport {

    private static final String KATE = "kate@example.com";
    private static final String SAM = "sam@example.com";

    @BeforeEach
    void kateAndSamAreAdmins() {
        handler = newHandler(Map.of(), AdminEmails.parse(KATE + "," + SAM));
        call(navigate("/", EMPLOYEE));
        emu.advanceClock(Duration.ofMinutes(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\u212Aate@example.com",             // KELVIN SIGN, which toLowerCase(Locale.ROOT) turns into k
            "\u212AATE@EXAMPLE.COM",
            "\u017Fam@example.com",              // LONG S, which toUpperCase turns into S
            "kat\u0435@example.com",             // Cyrillic ie
            "s\u0430m@example.com",              // Cyrillic a
            "kate@example.c\u043Em",             // Cyrillic o
            "\uFF4Bate@example.com",             // fullwidth k
            "kate@\u0130xample.com",             // I WITH DOT ABOVE
            "kate@examp\u0131e.com"              // dotless i
    })
    void postOff_lookAlikeOfAnAdmin_isForbiddenAndChangesNothing(String lookAlike) {
        JsonNode r = call(postFromPage("/off", lookAlike, Map.of("confirm", "yes")));
        String page = call(navigate("/", lookAlike)).path("body").asText();

        assertThat(r.path("statusCode").asInt()).isEqualTo(403);
        assertThat(page).doesNotContain("action=\"/off\"");
        assertThat(emu.callCount("DisassociateClientVpnTargetNetwork")).isZero();
        assertThat(associationStates()).containsOnly(SUBNET_A + "=associated", SUBNET_C + "=associated");
        assertThat(auditLines("vpn.off")).isEmpty();
    }

    @Test
    void postOff_realAdminInAsciiUpperCase_turnsOffAndRecordsAddressAndSub() {
        JsonNode r = call(postFromPage("/off", "KATE@Example.COM", Map.of("confirm", "yes")));

        assertThat(r.path("statusCode").asInt()).isEqualTo(303);
        assertThat(auditLines("vpn.off")).singleElement().satisfies(a -> {
            assertThat(a.path("actor").asText()).isEqualTo(KATE);
            assertThat(a.path("actorSub").asText()).isEqualTo(sub("KATE@Example.COM"));
        });
        assertThat(endpointTags()).containsEntry(VpnTags.TURNED_OFF_BY, KATE)
                .containsEntry(VpnTags.TURNED_OFF_BY_SUB, sub("KATE@Example.COM"));
    }

    @Test
    void turnOn_byALookAlike_isRecordedAsThatAddressAndItsOwnSub() {
        String lookAlike = "\u212Aate@example.com";
        call(postFromPage("/off", KATE, Map.of("confirm", "yes")));
        emu.advanceClock(Duration.ofMinutes(5));

        call(navigate("/", lookAlike));

        assertThat(auditLines("vpn.on")).last().satisfies(a -> {
            assertThat(a.path("actor").asText()).isEqualTo(lookAlike).isNotEqualTo(KATE);
            assertThat(a.path("actorSub").asText()).isEqualTo(sub(lookAlike)).isNotEqualTo(sub(KATE));
        });
        assertThat(endpointTags()).containsEntry(VpnTags.TURNED_ON_BY, lookAlike)
                .containsEntry(VpnTags.TURNED_ON_BY_SUB, sub(lookAlike));
        JsonNode status = body(call(dev.switchboard.core.testing.AlbEvents.get("/status").token(token(EMPLOYEE))));
        assertThat(status.path("turnedOnBy").asText()).isEqualTo(lookAlike);
        assertThat(status.path("turnedOnBySub").asText()).isEqualTo(sub(lookAlike));
    }
}
