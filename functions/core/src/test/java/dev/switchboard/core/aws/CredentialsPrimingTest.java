package dev.switchboard.core.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsPrimingTest {

    @Test
    void run_resolvesTheThrowAwayKeys_throughTheDefaultChain() {
        AwsCredentials resolved = CredentialsPriming.run();

        assertThat(resolved.accessKeyId()).isEqualTo(CredentialsPriming.KEY);
        assertThat(resolved.secretAccessKey()).isEqualTo(CredentialsPriming.KEY);
    }

    @Test
    void run_leavesAbsentSystemPropertiesAbsent() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");

        CredentialsPriming.run();

        assertThat(System.getProperty("aws.accessKeyId")).isNull();
        assertThat(System.getProperty("aws.secretAccessKey")).isNull();
    }

    @Test
    void run_putsBackSystemPropertiesThatWereSet() {
        System.setProperty("aws.accessKeyId", "AKIDBEFORE");
        System.setProperty("aws.secretAccessKey", "secret-before");
        System.setProperty("aws.sessionToken", "token-before");
        try {
            CredentialsPriming.run();

            assertThat(System.getProperty("aws.accessKeyId")).isEqualTo("AKIDBEFORE");
            assertThat(System.getProperty("aws.secretAccessKey")).isEqualTo("secret-before");
            assertThat(System.getProperty("aws.sessionToken")).isEqualTo("token-before");
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            System.clearProperty("aws.sessionToken");
        }
    }
}
