package dev.switchboard.vpn;

import dev.switchboard.core.config.ConfigurationException;
import dev.switchboard.core.config.Env;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schedule settings: bad values fail at init with a message that names the variable. */
class VpnSettingsTest {

    private static VpnSettings settings(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(Map.of(
                "CLIENT_VPN_ENDPOINT_ID", "cvpn-endpoint-0123456789abcdef0",
                "TARGET_SUBNET_IDS", "subnet-0aaa1111bbbb2222c"));
        env.putAll(overrides);
        return VpnSettings.from(Env.of(env));
    }

    @Test
    void from_scheduleVariablesUnset_usesTheTemplateDefaults() {
        VpnSettings s = settings(Map.of());

        assertThat(s.idleMinutes()).isEqualTo(VpnSettings.DEFAULT_IDLE_MINUTES);
        assertThat(s.graceMinutes()).isEqualTo(VpnSettings.DEFAULT_GRACE_MINUTES);
        assertThat(s.nightlyIdleMinutes()).isEqualTo(VpnSettings.DEFAULT_NIGHTLY_IDLE_MINUTES);
        assertThat(s.nightlyOffTime()).isEmpty();
        assertThat(s.nightlyDeadline()).isEmpty();
    }

    @Test
    void from_nightlyAndDeadline_areRead() {
        VpnSettings s = settings(Map.of("NIGHTLY_OFF_TIME", "22:00", "NIGHTLY_DEADLINE", "23:30",
                "NIGHTLY_IDLE_MINUTES", "10"));

        assertThat(s.nightlyOffTime()).contains(LocalTime.of(22, 0));
        assertThat(s.nightlyDeadline()).contains(LocalTime.of(23, 30));
        assertThat(s.nightlyIdleMinutes()).isEqualTo(10);
    }

    @Test
    void from_nightlyTimeThatDoesNotParse_failsNamingIt() {
        for (String bad : new String[] {"25:00", "7:30", "22h", "22:00:00"}) {
            assertThatThrownBy(() -> settings(Map.of("NIGHTLY_OFF_TIME", bad))).as(bad)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("NIGHTLY_OFF_TIME");
        }
    }

    @Test
    void from_deadlineNotAfterTheNightlyTime_failsNamingIt() {
        assertThatThrownBy(() -> settings(Map.of("NIGHTLY_OFF_TIME", "22:00", "NIGHTLY_DEADLINE", "21:30")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("NIGHTLY_DEADLINE")
                .hasMessageContaining("22:00");
        assertThatThrownBy(() -> settings(Map.of("NIGHTLY_OFF_TIME", "22:00", "NIGHTLY_DEADLINE", "22:00")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("NIGHTLY_DEADLINE");
    }

    @Test
    void from_deadlineWithoutNightlyTime_failsNamingIt() {
        assertThatThrownBy(() -> settings(Map.of("NIGHTLY_DEADLINE", "23:00")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("NIGHTLY_DEADLINE")
                .hasMessageContaining("NIGHTLY_OFF_TIME");
    }

    @Test
    void from_deadlineThatDoesNotParse_failsNamingIt() {
        assertThatThrownBy(() -> settings(Map.of("NIGHTLY_OFF_TIME", "22:00", "NIGHTLY_DEADLINE", "late")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("NIGHTLY_DEADLINE");
    }

    @Test
    void from_negativeMinutes_failNamingTheVariable() {
        for (String name : new String[] {"IDLE_MINUTES", "GRACE_MINUTES", "NIGHTLY_IDLE_MINUTES"}) {
            assertThatThrownBy(() -> settings(Map.of(name, "-1"))).as(name)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining(name);
        }
    }

    @Test
    void from_idleLongerThanEc2RemembersEndedConnections_failsNamingIt() {
        for (String name : new String[] {"IDLE_MINUTES", "NIGHTLY_IDLE_MINUTES"}) {
            assertThatThrownBy(() -> settings(Map.of(name, "61"))).as(name)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining(name).hasMessageContaining("60");
        }
    }
}
