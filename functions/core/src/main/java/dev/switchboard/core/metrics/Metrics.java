package dev.switchboard.core.metrics;

import dev.switchboard.core.config.Env;
import dev.switchboard.core.log.JsonLog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * CloudWatch metrics without an API call: each {@link #emit} writes one log line in the Embedded Metric
 * Format (EMF), and CloudWatch Logs turns it into metrics as it ingests the function's log group. The line is
 * an ordinary {@code JsonLog} line ({@code type: "metrics"}, the invocation's request id...) with an
 * {@code _aws} member naming the namespace, the dimension set and the metrics, whose values are root members.
 *
 * <p>Every metric of Switchboard is named here, with its few dimension values, because each distinct name and
 * dimension combination is a billed custom metric. The namespace is {@code METRICS_NAMESPACE} (the template
 * sets {@code Switchboard/<stack name>}, so two stacks in one account do not add up), default {@value
 * #DEFAULT_NAMESPACE}.
 */
public final class Metrics {

    public static final String DEFAULT_NAMESPACE = "Switchboard";

    /** Subnet associations started by a turn-on (one per turn-on that started at least one). */
    public static final String TURN_ONS = "TurnOns";
    /** Turn-offs that disassociated something, by {@link #REASON}. */
    public static final String TURN_OFFS = "TurnOffs";
    /** Scheduled (nightly) or idle turn-offs that failed or stayed partial, by {@link #REASON}. */
    public static final String TURN_OFF_FAILURES = "TurnOffFailures";
    /** Active connections ended by a turn-off. */
    public static final String CONNECTIONS_CUT = "ConnectionsCut";
    /** Subnets associated or associating (each is billed), at each auto-off run that read them (the idle check). */
    public static final String SUBNETS_ASSOCIATED = "SubnetsAssociated";
    /** Active Client VPN connections at each auto-off run that read them. */
    public static final String ACTIVE_CONNECTIONS = "ActiveConnections";
    /** Subnet associations that failed: refused when asked, or found {@code association-failed} later. */
    public static final String ASSOCIATION_FAILURES = "AssociationFailures";
    /** AWS throttling that outlasted the SDK's retries, by {@link #SERVICE}. */
    public static final String THROTTLES = "Throttles";
    /** Amazon Connect authentication-profile changes that were made. */
    public static final String CONNECT_CHANGES = "ConnectChanges";
    /** Requests refused because the ALB identity was missing or not acceptable, by {@link #KIND}. */
    public static final String IDENTITY_FAILURES = "IdentityFailures";

    /** Every metric name the functions emit (the template's alarms and dashboard may name no other of ours). */
    public static final List<String> NAMES = List.of(TURN_ONS, TURN_OFFS, TURN_OFF_FAILURES, CONNECTIONS_CUT,
            SUBNETS_ASSOCIATED, ACTIVE_CONNECTIONS, ASSOCIATION_FAILURES, THROTTLES, CONNECT_CHANGES, IDENTITY_FAILURES);

    public static final String REASON = "Reason";
    public static final String SERVICE = "Service";
    public static final String KIND = "Kind";

    /** The only dimension values written (a value outside these would be a new billed metric). */
    public static final Map<String, List<String>> DIMENSION_VALUES = Map.of(
            REASON, List.of("employee", "admin", "idle", "nightly"),
            SERVICE, List.of("ec2", "connect"),
            KIND, IdentityFailureKind.names());

    /** The spec's limits (see the EMF specification): at most 100 metrics per directive, 30 dimensions per set. */
    static final int MAX_METRICS = 100;
    static final int MAX_DIMENSIONS = 30;

    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9./#:_-]{1,255}");
    private static final JsonLog LOG = JsonLog.forClass(Metrics.class);
    private static volatile Clock clock = Clock.systemUTC();
    private static volatile String namespace = namespace(Env.system());

    private Metrics() {
    }

    /** One metric value and its CloudWatch unit ({@code Count} for everything Switchboard counts). */
    public record Datum(String name, double value) {
        public Datum {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A count of one under no dimension. */
    public static void count(String name) {
        emit(Map.of(), List.of(new Datum(name, 1)));
    }

    /** A count of one under one dimension, e.g. {@code count(TURN_OFFS, REASON, "idle")}. */
    public static void count(String name, String dimension, String value) {
        emit(Map.of(dimension, value), List.of(new Datum(name, 1)));
    }

    /**
     * Writes one EMF line: every datum under the one dimension set {@code dimensions} (empty: no dimension).
     * A dimension value outside {@link #DIMENSION_VALUES} is a programming error, refused before anything is
     * written.
     */
    public static void emit(Map<String, String> dimensions, List<Datum> data) {
        if (data.isEmpty()) {
            return;
        }
        if (data.size() > MAX_METRICS || dimensions.size() > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("an EMF directive takes at most " + MAX_METRICS + " metrics and "
                    + MAX_DIMENSIONS + " dimensions");
        }
        dimensions.forEach((key, value) -> {
            if (!DIMENSION_VALUES.getOrDefault(key, List.of()).contains(value)) {
                throw new IllegalArgumentException("metric dimension " + key + "=" + value + " is not one of "
                        + DIMENSION_VALUES.getOrDefault(key, List.of()));
            }
        });
        List<Map<String, Object>> definitions = new ArrayList<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "metrics");
        fields.putAll(dimensions);
        for (Datum datum : data) {
            definitions.add(Map.of("Name", datum.name(), "Unit", "Count"));
            fields.put(datum.name(), datum.value() == Math.rint(datum.value()) ? (Object) (long) datum.value() : datum.value());
        }
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", namespace);
        directive.put("Dimensions", List.of(List.copyOf(dimensions.keySet())));
        directive.put("Metrics", definitions);
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("Timestamp", clock.millis());
        aws.put("CloudWatchMetrics", List.of(directive));
        fields.put("_aws", aws);
        LOG.record("metrics " + String.join(",", data.stream().map(Datum::name).toList()), fields);
    }

    /** {@code METRICS_NAMESPACE}, or {@value #DEFAULT_NAMESPACE}; a namespace CloudWatch would refuse fails the init. */
    static String namespace(Env env) {
        return env.optional("METRICS_NAMESPACE", NAMESPACE, "a CloudWatch namespace (letters, digits, . / # : _ -)")
                .orElse(DEFAULT_NAMESPACE);
    }

    /** Tests only: the clock of {@code _aws.Timestamp} and the namespace; returns nothing to restore (set back). */
    public static void configureForTests(Clock testClock, String testNamespace) {
        clock = testClock;
        namespace = testNamespace;
    }
}
