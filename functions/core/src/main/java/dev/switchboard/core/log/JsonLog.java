package dev.switchboard.core.log;

import dev.switchboard.core.identity.AsciiCase;
import dev.switchboard.core.json.Json;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Structured logging: one JSON object per line on stdout, with stable field names ({@code time},
 * {@code level}, {@code logger}, {@code message}, the invocation's {@code requestId}, {@code functionName},
 * {@code functionVersion}, {@code coldStart}, {@code traceId} (see {@link Invocation}), then the event's own
 * fields) so CloudWatch Logs Insights can query them. Never pass tokens, {@code x-amzn-oidc-*} headers or
 * whole events.
 *
 * <p>Lines below Lambda's application log level ({@code AWS_LAMBDA_LOG_LEVEL}, set from the template's
 * {@code LoggingConfig.ApplicationLogLevel}) are not even formatted. Lambda filters stdout by the same
 * {@code level} key; audit and metric lines are records rather than diagnostics and are always written
 * (the template offers no level above INFO, at which Lambda itself would drop them).
 */
public final class JsonLog {

    /** Lambda's application log levels, lowest first. */
    public enum Level {
        TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

        /** Lambda's {@code AWS_LAMBDA_LOG_LEVEL}; unset or unknown means INFO, Lambda's default. */
        public static Level parse(String value) {
            if (value == null || value.isBlank()) {
                return INFO;
            }
            try {
                return valueOf(AsciiCase.upper(value.trim()));
            } catch (IllegalArgumentException e) {
                return INFO;
            }
        }
    }

    private static volatile Consumer<String> sink = line -> {
        PrintStream out = System.out;
        out.println(line);
    };
    private static volatile Level threshold = Level.parse(System.getenv("AWS_LAMBDA_LOG_LEVEL"));

    private final String logger;
    private final Clock clock;

    private JsonLog(String logger, Clock clock) {
        this.logger = logger;
        this.clock = clock;
    }

    public static JsonLog forClass(Class<?> type) {
        return new JsonLog(type.getSimpleName(), Clock.systemUTC());
    }

    /** Redirects every logger's output, for tests that assert on log lines. Returns the previous sink. */
    public static Consumer<String> redirect(Consumer<String> newSink) {
        Consumer<String> previous = sink;
        sink = newSink;
        return previous;
    }

    /** Sets the lowest level written (Lambda's {@code AWS_LAMBDA_LOG_LEVEL} at start); returns the previous one. */
    public static Level threshold(Level level) {
        Level previous = threshold;
        threshold = level;
        return previous;
    }

    public static boolean enabled(Level level) {
        return level.compareTo(threshold) >= 0;
    }

    public void debug(String message, Map<String, ?> fields) {
        if (enabled(Level.DEBUG)) {
            write(Level.DEBUG, message, fields, null);
        }
    }

    public void info(String message, Map<String, ?> fields) {
        if (enabled(Level.INFO)) {
            write(Level.INFO, message, fields, null);
        }
    }

    public void warn(String message, Map<String, ?> fields) {
        if (enabled(Level.WARN)) {
            write(Level.WARN, message, fields, null);
        }
    }

    /** Logs an error once, where it is handled, with the cause's type and message (not shown to users). */
    public void error(String message, Map<String, ?> fields, Throwable cause) {
        if (enabled(Level.ERROR)) {
            write(Level.ERROR, message, fields, cause);
        }
    }

    /**
     * An INFO line that is a record, not a diagnostic (an audit line, a metric): written whatever the level,
     * because the audit trail and the metrics must not depend on how chatty the log was set.
     */
    public void record(String message, Map<String, ?> fields) {
        write(Level.INFO, message, fields, null);
    }

    private void write(Level level, String message, Map<String, ?> fields, Throwable cause) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", clock.instant().toString());
        line.put("level", level.name());
        line.put("logger", logger);
        line.put("message", message);
        Invocation.addTo(line);
        if (fields != null) {
            fields.forEach(line::putIfAbsent);
        }
        if (cause != null) {
            line.put("errorType", cause.getClass().getName());
            line.put("errorMessage", String.valueOf(cause.getMessage()));
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                if (root instanceof AwsServiceException aws) {
                    addAwsDetails(line, aws);
                }
                root = root.getCause();
            }
            if (root instanceof AwsServiceException aws) {
                addAwsDetails(line, aws);
            }
            if (root != cause) {
                line.put("rootCause", root.getClass().getName() + ": " + root.getMessage());
            }
        }
        sink.accept(Json.write(line));
    }

    /** Operators search by AWS's error code and request id, not by the SDK's prose. */
    private static void addAwsDetails(Map<String, Object> line, AwsServiceException aws) {
        if (aws.awsErrorDetails() != null) {
            line.putIfAbsent("awsErrorCode", aws.awsErrorDetails().errorCode());
            line.putIfAbsent("awsService", aws.awsErrorDetails().serviceName());
        }
        line.putIfAbsent("awsRequestId", aws.requestId());
        line.putIfAbsent("awsStatusCode", aws.statusCode());
    }
}
