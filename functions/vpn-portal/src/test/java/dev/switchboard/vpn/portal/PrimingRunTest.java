package dev.switchboard.vpn.portal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Priming must take the real, successful paths of a first visit, or it warms the wrong code. */
class PrimingRunTest {

    @Test
    void primingRun_turnsTheCannedVpnOn_inBothLanguages_andAnswersTheStatus() {
        List<String> answers = VpnPortalHandler.primingRun();

        assertThat(answers).hasSize(4);
        assertThat(answers.subList(0, 3)).allSatisfy(a -> assertThat(a).contains("\"statusCode\":200"));
        assertThat(answers.get(0)).contains("text/html").contains("lang=\\\"ja\\\"");
        assertThat(answers.get(1)).contains("lang=\\\"en\\\"");
        assertThat(answers.get(3)).startsWith("{\"ok\":true").contains("\"command\":\"status\"");
    }
}
