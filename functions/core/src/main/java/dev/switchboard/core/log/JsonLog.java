package dev.switchboard.core.log;

import dev.switchboard.core.json.Json;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Structured logging: one JSON object per line on stdout, with stable field names ({@code time},
 * {@code level}, {@code logger}, {@code message}, then the event's own fields) so CloudWatch Logs
 * Insights can query them. Never pass tokens, {@code x-amzn-oidc-*} headers or whole events.
 */
public final class JsonLog {

    private static volatile Consumer<String> sink = line -> {
        PrintStream out = System.out;
        out.println(line);
    };

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

    public void info(String message, Map<String, ?> fields) {
        write("INFO", message, fields, null);
    }

    public void warn(String message, Map<String, ?> fields) {
        write("WARN", message, fields, null);
    }

    /** Logs an error once, where it is handled, with the cause's type and message (not shown to users). */
    public void error(String message, Map<String, ?> fields, Throwable cause) {
        write("ERROR", message, fields, cause);
    }

    private void write(String level, String message, Map<String, ?> fields, Throwable cause) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", clock.instant().toString());
        line.put("level", level);
        line.put("logger", logger);
        line.put("message", message);
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
