package dev.switchboard.connect.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Priming must take an administrator's real, successful paths, or it warms the wrong code. */
class PrimingRunTest {

    @Test
    void primingRun_rendersThePageInBothLanguages_checksAnAddress_andShowsTheProfile() {
        List<String> answers = ConnectIpRulesHandler.primingRun();

        assertThat(answers).hasSize(4);
        assertThat(answers.subList(0, 3)).allSatisfy(a -> assertThat(a).contains("\"statusCode\":200"));
        assertThat(answers.get(0)).contains("192.0.2.0/24");
        assertThat(answers.get(2)).contains("192.0.2.10");
        assertThat(answers.get(3)).startsWith("{\"ok\":true").contains("\"allowedIps\":[\"192.0.2.0/24\"]");
    }
}
