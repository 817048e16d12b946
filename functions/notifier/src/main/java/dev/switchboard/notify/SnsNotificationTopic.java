package dev.switchboard.notify;

import dev.switchboard.core.aws.AwsClients;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

import java.util.Objects;

/**
 * The notification topic over the SDK's SNS client: one {@code Publish} per message. The endpoint is the SDK's own
 * business ({@code AWS_ENDPOINT_URL_SNS} reaches the emulator); SDK errors become {@link PublishException} with
 * AWS's error code, keeping the cause.
 */
public final class SnsNotificationTopic implements NotificationTopic {

    private final SnsClient sns;
    private final String topicArn;

    SnsNotificationTopic(SnsClient sns, String topicArn) {
        this.sns = Objects.requireNonNull(sns);
        this.topicArn = Objects.requireNonNull(topicArn);
    }

    public static SnsNotificationTopic create(String region, String topicArn) {
        return new SnsNotificationTopic(AwsClients.build(SnsClient.builder(), region), topicArn);
    }

    @Override
    public String publish(String message) {
        try {
            return sns.publish(r -> r.topicArn(topicArn).message(message)).messageId();
        } catch (AwsServiceException e) {
            throw new PublishException(e.awsErrorDetails() == null ? "status " + e.statusCode()
                    : e.awsErrorDetails().errorCode(), e);
        } catch (SdkException e) {
            throw new PublishException("client: " + e.getClass().getSimpleName(), e);
        }
    }
}
