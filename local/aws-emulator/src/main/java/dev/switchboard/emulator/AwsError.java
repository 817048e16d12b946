package dev.switchboard.emulator;

/** An error reply of either service: the error code, the HTTP status and the message. */
final class AwsError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String code;
    final int status;

    AwsError(int status, String code, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    /** EC2 client error (HTTP 400). */
    static AwsError ec2(String code, String message) {
        return new AwsError(400, code, message);
    }
}
