package dev.switchboard.vpn.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.testing.AlbEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages once said "Back to the start page" and linked to {@code /}, which turns the VPN on (and bills) and
 * drops what was typed. Every link on them now leads to the read-only {@code /status}; following it changes nothing.
 */
class ErrorPageLinksTest extends PortalTestSupport {

    private static final Pattern HREF = Pattern.compile("<a\\s[^>]*href=\"([^\"]*)\"");

    private static List<String> links(JsonNode response) {
        List<String> found = new ArrayList<>();
        Matcher m = HREF.matcher(response.path("body").asText());
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** A click on a link of our own page: a same-origin navigation. */
    private JsonNode follow(String href, String email) {
        return call(AlbEvents.get(href).token(token(email)).header("sec-fetch-site", "same-origin")
                .header("accept", "text/html,application/xhtml+xml"));
    }

    @Test
    void crossSitePostWhileOff_errorPageLinksOnlyToStatus_andFollowingItLeavesTheVpnOff() {
        for (String language : List.of("en", "ja")) {
            JsonNode refused = call(AlbEvents.post("/on").token(token(EMPLOYEE)).header("sec-fetch-site", "cross-site")
                    .header("accept-language", language).header("accept", "text/html").form(Map.of()));

            assertThat(refused.path("statusCode").asInt()).isEqualTo(403);
            assertThat(links(refused)).as(language).isNotEmpty().containsOnly("/status");
            for (String href : links(refused)) {
                assertThat(follow(href, EMPLOYEE).path("statusCode").asInt()).isEqualTo(200);
            }
        }
        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).isZero();
        assertThat(associationStates()).isEmpty();
    }

    @Test
    void nonAdminTurnOffWhileOn_errorPageLinksOnlyToStatus_andTheVpnStaysOnAsItWas() {
        call(navigate("/", EMPLOYEE));
        emu.advanceClock(Duration.ofMinutes(10));
        List<String> before = associationStates();

        JsonNode refused = call(postFromPage("/off", EMPLOYEE, Map.of("confirm", "yes")).header("accept", "text/html"));
        for (String href : links(refused)) {
            follow(href, EMPLOYEE);
        }

        assertThat(refused.path("statusCode").asInt()).isEqualTo(403);
        assertThat(links(refused)).isNotEmpty().containsOnly("/status");
        assertThat(associationStates()).isEqualTo(before);
        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).isEqualTo(2);
        assertThat(emu.callCount("DisassociateClientVpnTargetNetwork")).isZero();
    }

    @Test
    void errorPage_goesBackThroughTheBrowsersHistorySoTypedTextSurvives() {
        JsonNode refused = call(postFromPage("/off", EMPLOYEE, Map.of("confirm", "yes")).header("accept", "text/html"));

        assertThat(refused.path("body").asText()).contains("id=\"back\"", "history.back()",
                "Back button returns to the page you came from");
        assertThat(refused.path("headers").path("content-security-policy").asText()).contains("script-src 'sha256-")
                .doesNotContain("unsafe-inline");
    }
}
