package dev.switchboard.notify;

/** Where notifications go: the SNS topic chat channels subscribe to. */
public interface NotificationTopic {

    /**
     * Publishes one message; returns the id the topic gave it.
     *
     * @throws PublishException when the topic did not accept it (after the SDK's retries)
     */
    String publish(String message);

    /** The topic did not take a message; {@link #code()} is the AWS error code, or the client-side failure. */
    final class PublishException extends RuntimeException {
        private final String code;

        public PublishException(String code, Throwable cause) {
            super("SNS did not accept the message: " + code, cause);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
