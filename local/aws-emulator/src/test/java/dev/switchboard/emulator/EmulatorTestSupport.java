package dev.switchboard.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.ec2.Ec2Client;

import static dev.switchboard.emulator.AwsEmulator.DEMO_ENDPOINT_ID;
import static dev.switchboard.emulator.AwsEmulator.DEMO_SUBNET_A;

/** One emulator per test class, reset and seeded with the demo before each test; real SDK clients over HTTP. */
abstract class EmulatorTestSupport {

    static AwsEmulator emu;
    static Ec2Client ec2;
    static Ec2Client ec2NoRetry;
    static ConnectClient connect;
    static ConnectClient connectNoRetry;

    @BeforeAll
    static void startEmulator() {
        emu = AwsEmulator.start(0);
        StaticCredentialsProvider creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        ec2 = Ec2Client.builder().endpointOverride(emu.endpoint()).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(creds).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        ec2NoRetry = Ec2Client.builder().endpointOverride(emu.endpoint()).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(creds).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        connect = ConnectClient.builder().endpointOverride(emu.endpoint()).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(creds).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        connectNoRetry = ConnectClient.builder().endpointOverride(emu.endpoint()).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(creds).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @AfterAll
    static void stopEmulator() {
        ec2.close();
        ec2NoRetry.close();
        connect.close();
        connectNoRetry.close();
        emu.close();
    }

    @BeforeEach
    void resetEmulator() {
        emu.reset();
        AwsEmulator.seedDemo(emu);
    }

    /** Associates the demo subnet A and lets the association complete; returns the association id. */
    static String associateAndWait() {
        String id = ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId(DEMO_SUBNET_A))
                .associationId();
        emu.advanceClock(java.time.Duration.ofSeconds(10));
        return id;
    }
}
