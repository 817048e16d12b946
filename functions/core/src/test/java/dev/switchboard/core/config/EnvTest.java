package dev.switchboard.core.config;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvTest {

    private static final String ALB = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/switchboard/0123456789abcdef";

    private static Map<String, String> valid() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "ap-northeast-1");
        env.put("ALB_ARN", ALB);
        env.put("ADMIN_EMAILS", "Admin@Example.com, second@example.com");
        return env;
    }

    @Test
    void identityConfig_validEnvironment_isRead() {
        IdentityConfig config = IdentityConfig.from(Env.of(valid()));

        assertThat(config.albArn()).isEqualTo(ALB);
        assertThat(config.publicKeyUrl()).hasToString("https://public-keys.auth.elb.ap-northeast-1.amazonaws.com");
        assertThat(config.clientId()).isEmpty();
        assertThat(config.adminEmails().emails()).containsExactlyInAnyOrder("admin@example.com", "second@example.com");
    }

    @Test
    void identityConfig_missingAlbArn_namesTheVariable() {
        Map<String, String> env = valid();
        env.remove("ALB_ARN");

        assertThatThrownBy(() -> IdentityConfig.from(Env.of(env)))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.variable()).isEqualTo("ALB_ARN"))
                .hasMessageContaining("ALB_ARN");
    }

    @Test
    void identityConfig_malformedAlbArn_namesTheVariable() {
        Map<String, String> env = valid();
        env.put("ALB_ARN", "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/x/0123456789abcdef");

        assertThatThrownBy(() -> IdentityConfig.from(Env.of(env))).hasMessageStartingWith("ALB_ARN: must be");
    }

    @Test
    void identityConfig_badKeyUrl_namesTheVariable() {
        Map<String, String> env = valid();
        env.put("ALB_PUBLIC_KEY_URL", "ftp://keys");

        assertThatThrownBy(() -> IdentityConfig.from(Env.of(env))).hasMessageStartingWith("ALB_PUBLIC_KEY_URL");
    }

    @Test
    void identityConfig_badAdminEmail_namesTheVariable() {
        Map<String, String> env = valid();
        env.put("ADMIN_EMAILS", "admin@example.com,not-an-email");

        assertThatThrownBy(() -> IdentityConfig.from(Env.of(env))).hasMessageStartingWith("ADMIN_EMAILS");
    }

    @Test
    void integer_outOfRangeOrNotANumber_namesTheVariable() {
        Env env = Env.of(Map.of("IDLE_MINUTES", "-5", "GRACE_MINUTES", "ten"));

        assertThatThrownBy(() -> env.integer("IDLE_MINUTES", 60, 0, 1440)).hasMessageStartingWith("IDLE_MINUTES");
        assertThatThrownBy(() -> env.integer("GRACE_MINUTES", 30, 0, 1440)).hasMessageStartingWith("GRACE_MINUTES");
        assertThat(env.integer("UNSET", 7, 0, 10)).isEqualTo(7);
    }

    @Test
    void requiredList_duplicateItem_isRefused() {
        Env env = Env.of(Map.of("TARGET_SUBNET_IDS", "subnet-0aaa1111bbbb2222c,subnet-0aaa1111bbbb2222c"));

        assertThatThrownBy(() -> env.requiredList("TARGET_SUBNET_IDS", Patterns.SUBNET_ID, "a subnet id"))
                .hasMessageContaining("TARGET_SUBNET_IDS").hasMessageContaining("twice");
    }
}
