package dev.switchboard.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.SnsException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.switchboard.emulator.AwsEmulator.DEMO_TOPIC_ARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SNS Publish through the real SDK client (SNS Query protocol) over HTTP, and its errors as the model names them. */
class SnsPublishTest extends EmulatorTestSupport {

    static SnsClient sns;

    @BeforeAll
    static void startSns() {
        sns = SnsClient.builder().endpointOverride(emu.endpoint()).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @AfterAll
    static void stopSns() {
        sns.close();
    }

    @Test
    void publish_toSeededTopic_keepsTheMessageAndAnswersItsId() {
        String id = sns.publish(r -> r.topicArn(DEMO_TOPIC_ARN).message("{\"version\":\"1.0\",\"text\":\"é & <b>\"}")
                .subject("VPN turned on")).messageId();

        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(emu.published(DEMO_TOPIC_ARN)).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo(id);
            assertThat(m.message()).isEqualTo("{\"version\":\"1.0\",\"text\":\"é & <b>\"}");
            assertThat(m.subject()).isEqualTo("VPN turned on");
        });
        assertThat(emu.calls()).containsExactly("Publish");
    }

    @Test
    void publish_unknownTopic_isNotFound404AndKeepsNothing() {
        String other = "arn:aws:sns:ap-northeast-1:123456789012:nobody";

        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(other).message("x")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFound");
                });
        assertThat(emu.published(other)).isEmpty();
    }

    @Test
    void publish_badArguments_areInvalidParameterAndKeepNothing() {
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn("not-an-arn").message("x")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("TopicArn");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(DEMO_TOPIC_ARN).message("")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Empty message");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(DEMO_TOPIC_ARN).message("x".repeat(262_145))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Message too long");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(DEMO_TOPIC_ARN).message("x").subject("two\nlines")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Subject");

        assertThat(emu.published(DEMO_TOPIC_ARN)).isEmpty();
    }

    @Test
    void publish_largestMessage_isAccepted() {
        sns.publish(r -> r.topicArn(DEMO_TOPIC_ARN).message("x".repeat(262_144)));

        assertThat(emu.published(DEMO_TOPIC_ARN)).hasSize(1);
    }

    @Test
    void publish_injectedFaults_answerSnsCodes() {
        emu.injectFault(Fault.http500("sns", 1));
        emu.injectFault(Fault.throttle("sns", 1));

        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(DEMO_TOPIC_ARN).message("x")))
                .isInstanceOfSatisfying(SnsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
                });
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(DEMO_TOPIC_ARN).message("x")))
                .isInstanceOfSatisfying(SnsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttled");
                });
        assertThat(emu.published(DEMO_TOPIC_ARN)).isEmpty();
    }

    @Test
    void publish_unsigned_isRefused() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emu.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=Publish&Version=2010-03-31&TopicArn="
                        + DEMO_TOPIC_ARN + "&Message=x")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("<ErrorResponse", "<Type>Sender</Type>", "<Code>MissingAuthenticationToken</Code>");
        assertThat(emu.published(DEMO_TOPIC_ARN)).isEmpty();
    }

    @Test
    void controlSurface_seedsTopicsAndShowsMessages() throws Exception {
        String arn = "arn:aws:sns:ap-northeast-1:123456789012:ops";
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create(emu.endpoint() + "/_emulator/seed/topic"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"topicArn\":\"" + arn + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        sns.publish(r -> r.topicArn(arn).message("hello"));

        String state = http.send(HttpRequest.newBuilder(URI.create(emu.endpoint() + "/_emulator/state")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(state).contains("\"" + arn + "\":[{\"messageId\"", "\"message\":\"hello\"");
    }
}
