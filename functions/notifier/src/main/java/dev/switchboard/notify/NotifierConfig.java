package dev.switchboard.notify;

import dev.switchboard.core.config.ConfigurationException;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.Lang;

import java.util.regex.Pattern;

/**
 * The notifier's settings: {@code NOTIFICATION_TOPIC_ARN} (the SNS topic) and {@code NOTIFY_LANGUAGE}
 * ({@code en} or {@code ja}, default {@code en}): the chat channel's one language.
 */
public record NotifierConfig(String region, String topicArn, Lang lang) {

    static final Pattern TOPIC_ARN = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}");

    public static NotifierConfig from(Env env) {
        String topic = env.required("NOTIFICATION_TOPIC_ARN", TOPIC_ARN, "an SNS topic ARN");
        String language = env.optional("NOTIFY_LANGUAGE").orElse("en");
        Lang lang = switch (language) {
            case "en" -> Lang.EN;
            case "ja" -> Lang.JA;
            default -> throw new ConfigurationException("NOTIFY_LANGUAGE", "must be en or ja (got '" + language + "')");
        };
        return new NotifierConfig(env.required("AWS_REGION"), topic, lang);
    }
}
