package dev.switchboard.core.log;

import com.amazonaws.services.lambda.runtime.Context;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The Lambda invocation a log line belongs to: request id, function name and version, whether it is the
 * first invocation of this execution environment (a cold start, or the first after a SnapStart restore),
 * and the X-Ray trace id. Every {@link JsonLog} line carries these fields, so Logs Insights can group a
 * request's lines ({@code filter requestId = "..."}) and count cold starts.
 *
 * <p>One static slot, not a thread-local: Lambda hands an execution environment one event at a time, and a
 * line written by a helper thread of that invocation belongs to it too. Lines written outside an invocation
 * (the init, priming, the dev server) carry the function name and version from the environment only.
 */
public final class Invocation implements AutoCloseable {

    /** Set by the Java runtime per invocation; {@code _X_AMZN_TRACE_ID} is the same header for the init. */
    static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

    private static final AtomicBoolean INVOKED = new AtomicBoolean();
    private static volatile Fields current;
    private static volatile Function<String, String> environment = System::getenv;

    /** The fields of one invocation; null members are left out of the line. */
    record Fields(String requestId, String functionName, String functionVersion, Boolean coldStart, String traceId) {
    }

    private final Fields previous;

    private Invocation(Fields previous) {
        this.previous = previous;
    }

    /**
     * Marks the start of an invocation; close it when the answer is written. A null context (priming runs the
     * handler before any real invocation) opens nothing and does not use up the cold start.
     */
    public static Invocation begin(Context context) {
        Fields before = current;
        if (context == null) {
            return new Invocation(before);
        }
        boolean cold = INVOKED.compareAndSet(false, true);
        String name = orEnvironment(context.getFunctionName(), "AWS_LAMBDA_FUNCTION_NAME");
        String version = orEnvironment(context.getFunctionVersion(), "AWS_LAMBDA_FUNCTION_VERSION");
        current = new Fields(context.getAwsRequestId(), name, version, cold, traceId(xrayHeader(context)));
        return new Invocation(before);
    }

    @Override
    public void close() {
        current = previous;
    }

    /** Adds the invocation's fields to a log line (outside an invocation: name and version, if known). */
    static void addTo(Map<String, Object> line) {
        Fields fields = current;
        if (fields == null) {
            putIfSet(line, "functionName", environment.apply("AWS_LAMBDA_FUNCTION_NAME"));
            putIfSet(line, "functionVersion", environment.apply("AWS_LAMBDA_FUNCTION_VERSION"));
            return;
        }
        putIfSet(line, "requestId", fields.requestId());
        putIfSet(line, "functionName", fields.functionName());
        putIfSet(line, "functionVersion", fields.functionVersion());
        line.put("coldStart", fields.coldStart());
        putIfSet(line, "traceId", fields.traceId());
    }

    /** The function name of the current invocation or the environment, or null (tests, the dev server). */
    static String functionName() {
        Fields fields = current;
        return fields != null && fields.functionName() != null ? fields.functionName()
                : environment.apply("AWS_LAMBDA_FUNCTION_NAME");
    }

    private static String xrayHeader(Context context) {
        String header = context.getXrayTraceId();
        if (header == null || header.isBlank()) {
            header = System.getProperty(TRACE_PROPERTY);
        }
        if (header == null || header.isBlank()) {
            header = environment.apply("_X_AMZN_TRACE_ID");
        }
        return header;
    }

    /**
     * The trace id out of an X-Ray header ({@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=...;Sampled=1}),
     * as the X-Ray console and Logs Insights search for it; a bare id is taken as it is.
     */
    static String traceId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        for (String part : header.split(";")) {
            String trimmed = part.trim();
            if (trimmed.startsWith("Root=")) {
                return trimmed.substring("Root=".length());
            }
        }
        return header.contains("=") ? null : header.trim();
    }

    private static String orEnvironment(String value, String variable) {
        return value != null && !value.isBlank() ? value : environment.apply(variable);
    }

    private static void putIfSet(Map<String, Object> line, String key, String value) {
        if (value != null && !value.isBlank()) {
            line.put(key, value);
        }
    }

    /** Tests only: a fresh execution environment (the next invocation is cold) reading the given environment. */
    public static void resetForTests(Function<String, String> env) {
        INVOKED.set(false);
        current = null;
        environment = env;
    }
}
