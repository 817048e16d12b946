package dev.switchboard.connect.rules;

import dev.switchboard.core.config.ConfigurationException;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.testing.AlbTokenSigner;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectIpRulesConfigTest {

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "ap-northeast-1");
        env.put("ALB_ARN", AlbTokenSigner.DEFAULT_ALB_ARN);
        env.put("ADMIN_EMAILS", "connect.admin@example.com");
        env.put("CONNECT_INSTANCE_ID", "11111111-2222-3333-4444-555555555555");
        return env;
    }

    @Test
    void from_withoutProfileId_usesTheInstanceDefault() {
        ConnectIpRulesConfig config = ConnectIpRulesConfig.from(Env.of(env()));

        assertThat(config.instanceId()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(config.configuredProfileId()).isEmpty();
    }

    @Test
    void from_instanceIdNotAUuid_namesTheVariable() {
        Map<String, String> env = env();
        env.put("CONNECT_INSTANCE_ID", "my-instance");

        assertThatThrownBy(() -> ConnectIpRulesConfig.from(Env.of(env)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("CONNECT_INSTANCE_ID");
    }

    @Test
    void from_malformedProfileId_namesTheVariable() {
        Map<String, String> env = env();
        env.put("CONNECT_AUTHENTICATION_PROFILE_ID", "../../etc");

        assertThatThrownBy(() -> ConnectIpRulesConfig.from(Env.of(env)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("CONNECT_AUTHENTICATION_PROFILE_ID");
    }

    @Test
    void from_scheduleTimezone_isTheZoneTimesAreShownIn_defaultUtc() {
        assertThat(ConnectIpRulesConfig.from(Env.of(env())).zone()).isEqualTo(ZoneId.of("UTC"));
        Map<String, String> env = env();
        env.put("SCHEDULE_TIMEZONE", "Asia/Tokyo");

        assertThat(ConnectIpRulesConfig.from(Env.of(env)).zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void from_unknownScheduleTimezone_namesTheVariable() {
        Map<String, String> env = env();
        env.put("SCHEDULE_TIMEZONE", "Mars/Olympus");

        assertThatThrownBy(() -> ConnectIpRulesConfig.from(Env.of(env)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("SCHEDULE_TIMEZONE");
    }
}
