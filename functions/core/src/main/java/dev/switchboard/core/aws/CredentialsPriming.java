package dev.switchboard.core.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Warms the SDK's default credentials chain for priming without touching real credentials: a throw-away
 * {@link DefaultCredentialsProvider} builds the chain the functions' clients build on their first call (every
 * provider in it) and resolves it while the JVM's {@code aws.accessKeyId} and {@code aws.secretAccessKey}
 * system properties, the first place the chain looks, name throw-away keys. It stops there, so it reads no
 * environment credentials and asks no container endpoint; the properties are put back as they were before
 * this returns. The functions' own providers are separate instances that have resolved nothing yet.
 */
final class CredentialsPriming {

    static final String KEY = "priming";
    private static final SdkSystemSetting[] SETTINGS = {
        SdkSystemSetting.AWS_ACCESS_KEY_ID, SdkSystemSetting.AWS_SECRET_ACCESS_KEY, SdkSystemSetting.AWS_SESSION_TOKEN};

    private CredentialsPriming() {
    }

    /** Resolves the throw-away chain and returns what it resolved (the throw-away keys). */
    static synchronized AwsCredentials run() {
        Map<String, String> before = new LinkedHashMap<>();
        for (SdkSystemSetting setting : SETTINGS) {
            before.put(setting.property(), System.getProperty(setting.property()));
        }
        try (DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build()) {
            System.setProperty(SdkSystemSetting.AWS_ACCESS_KEY_ID.property(), KEY);
            System.setProperty(SdkSystemSetting.AWS_SECRET_ACCESS_KEY.property(), KEY);
            System.clearProperty(SdkSystemSetting.AWS_SESSION_TOKEN.property());
            return chain.resolveCredentials();
        } finally {
            before.forEach((property, value) -> {
                if (value == null) {
                    System.clearProperty(property);
                } else {
                    System.setProperty(property, value);
                }
            });
        }
    }
}
