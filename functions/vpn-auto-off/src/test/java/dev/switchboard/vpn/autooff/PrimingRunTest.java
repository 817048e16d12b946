package dev.switchboard.vpn.autooff;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Priming must take the real paths of the scheduled runs: an idle turn-off and a nightly dry run. */
class PrimingRunTest {

    @Test
    void primingRun_turnsTheIdleCannedVpnOff_andDryRunsTheNightlyOff() {
        List<String> answers = VpnAutoOffHandler.primingRun();

        assertThat(answers).hasSize(2);
        assertThat(answers.get(0)).contains("\"ok\":true").contains("\"mode\":\"idle\"")
                .contains("\"disassociated\":[\"cvpn-assoc-00000000000000001\"]");
        assertThat(answers.get(1)).contains("\"ok\":true").contains("\"mode\":\"force\"").contains("\"dryRun\":true");
    }
}
