package dev.switchboard.core.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.time.Duration;

/**
 * The one place AWS clients are built: the JDK's URL-connection HTTP client (lighter to start than
 * Apache or Netty, both excluded from the build), the default credentials chain (what SnapStart and the
 * Lambda runtime expect), the region from {@code AWS_REGION}, and explicit timeouts. Connections are
 * opened with Nagle's algorithm off ({@link NoDelayConnections}). Endpoints are not
 * set here: the SDK reads {@code AWS_ENDPOINT_URL_EC2} / {@code AWS_ENDPOINT_URL_CONNECT} itself.
 */
public final class AwsClients {

    /** Connect and socket timeouts per attempt; the total call timeout leaves room for SDK retries. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(20);

    private AwsClients() {
    }

    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.create(new NoDelayConnections(CONNECT_TIMEOUT, SOCKET_TIMEOUT));
    }

    /** Configures a service client builder the Switchboard way and builds it. */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String region) {
        return configure(builder, httpClient(), Region.of(region), DefaultCredentialsProvider.builder().build()).build();
    }

    /** The Switchboard configuration over a given HTTP client and credentials (priming's canned ones). */
    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
            B builder, SdkHttpClient http, Region region, AwsCredentialsProvider credentials) {
        return builder
                .httpClient(http)
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(API_CALL_ATTEMPT_TIMEOUT)
                        .apiCallTimeout(API_CALL_TIMEOUT)
                        .build());
    }
}
