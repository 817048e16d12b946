package dev.switchboard.notify;

import dev.switchboard.core.config.ConfigurationException;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.Lang;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifierConfigTest {

    static final String TOPIC = "arn:aws:sns:ap-northeast-1:123456789012:switchboard-NotificationTopic-AbC123";

    @Test
    void from_languageUnset_isEnglish() {
        NotifierConfig config = NotifierConfig.from(Env.of(Map.of("AWS_REGION", "ap-northeast-1",
                "NOTIFICATION_TOPIC_ARN", TOPIC)));

        assertThat(config.lang()).isEqualTo(Lang.EN);
        assertThat(config.topicArn()).isEqualTo(TOPIC);
    }

    @Test
    void from_japanese_isJapanese() {
        assertThat(NotifierConfig.from(Env.of(Map.of("AWS_REGION", "ap-northeast-1", "NOTIFICATION_TOPIC_ARN", TOPIC,
                "NOTIFY_LANGUAGE", "ja"))).lang()).isEqualTo(Lang.JA);
    }

    @Test
    void from_otherLanguage_failsNamingTheVariable() {
        assertThatThrownBy(() -> NotifierConfig.from(Env.of(Map.of("AWS_REGION", "ap-northeast-1",
                "NOTIFICATION_TOPIC_ARN", TOPIC, "NOTIFY_LANGUAGE", "fr"))))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.variable()).isEqualTo("NOTIFY_LANGUAGE"));
    }

    @Test
    void from_missingOrMalformedTopic_failsNamingTheVariable() {
        assertThatThrownBy(() -> NotifierConfig.from(Env.of(Map.of("AWS_REGION", "ap-northeast-1"))))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.variable()).isEqualTo("NOTIFICATION_TOPIC_ARN"));
        assertThatThrownBy(() -> NotifierConfig.from(Env.of(Map.of("AWS_REGION", "ap-northeast-1",
                "NOTIFICATION_TOPIC_ARN", "switchboard-notifications"))))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.variable()).isEqualTo("NOTIFICATION_TOPIC_ARN"));
    }
}
