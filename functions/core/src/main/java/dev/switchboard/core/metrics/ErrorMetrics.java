package dev.switchboard.core.metrics;

import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.identity.AsciiCase;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.Optional;

/**
 * Metrics of errors where they are handled (the dispatcher, auto-off's handler): identity refusals by kind, and
 * AWS throttling that outlasted the SDK's retries, by service. Everything else is already a Lambda metric
 * ({@code Errors}) or a logged error code that the saved "errors by code" query counts.
 */
public final class ErrorMetrics {

    private ErrorMetrics() {
    }

    /** Counts an error a request or command ended with. */
    public static void handled(SwitchboardException e) {
        if (IdentityFailureKind.isIdentityFailure(e)) {
            Metrics.count(Metrics.IDENTITY_FAILURES, Metrics.KIND, IdentityFailureKind.of(e).dimension());
        }
        throttledService(e).ifPresent(service -> Metrics.count(Metrics.THROTTLES, Metrics.SERVICE, service));
    }

    /** {@code ec2} or {@code connect} when the error's cause is AWS throttling; empty otherwise. */
    static Optional<String> throttledService(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AwsServiceException aws && aws.isThrottlingException()) {
                String service = aws.awsErrorDetails() == null ? "" : String.valueOf(aws.awsErrorDetails().serviceName());
                String lower = AsciiCase.lower(service);
                return Optional.of(lower.contains("connect") ? "connect" : "ec2");
            }
        }
        return Optional.empty();
    }
}
