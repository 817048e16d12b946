package dev.switchboard.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A fault the emulator injects into the next {@code count} matching service calls.
 *
 * <ul>
 *   <li>{@link Kind#THROTTLE}: EC2 {@code RequestLimitExceeded} (HTTP 503), Connect {@code ThrottlingException} (HTTP 429),
 *   SNS {@code Throttled} (HTTP 429)</li>
 *   <li>{@link Kind#HTTP_500}: EC2 {@code InternalError}, Connect {@code InternalServiceException}, SNS {@code InternalError}</li>
 *   <li>{@link Kind#HTTP_503}: EC2 {@code Unavailable}, Connect {@code ServiceUnavailableException}, SNS
 *   {@code ServiceUnavailable}</li>
 *   <li>{@link Kind#SLOW}: waits {@code delay}, then answers normally</li>
 * </ul>
 *
 * @param service "ec2", "connect", "sns" or "any"
 * @param kind    what to do
 * @param count   how many matching calls are affected (at least 1)
 * @param delay   wait for {@link Kind#SLOW}; ignored otherwise (may be null)
 * @param action  only calls of this operation name (e.g. "AssociateClientVpnTargetNetwork",
 *                "UpdateAuthenticationProfile", "Publish"); null = every operation of the service
 * @param where   only EC2 or SNS calls whose query parameter {@code where.getKey()} has the value {@code where.getValue()}
 *                (e.g. one AssociationId, so one subnet fails however the caller orders or overlaps its calls);
 *                null = any
 */
public record Fault(String service, Kind kind, int count, Duration delay, String action,
                    Map.Entry<String, String> where) {

    public enum Kind { THROTTLE, HTTP_500, HTTP_503, SLOW }

    public Fault(String service, Kind kind, int count, Duration delay, String action) {
        this(service, kind, count, delay, action, null);
    }

    public Fault {
        service = service == null ? "any" : service.toLowerCase(Locale.ROOT);
        if (!service.equals("ec2") && !service.equals("connect") && !service.equals("sns") && !service.equals("any")) {
            throw new IllegalArgumentException("service must be ec2, connect, sns or any: " + service);
        }
        Objects.requireNonNull(kind, "kind");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        if (kind == Kind.SLOW && (delay == null || delay.isNegative())) {
            throw new IllegalArgumentException("SLOW needs a non-negative delay");
        }
    }

    public static Fault throttle(String service, int count) {
        return new Fault(service, Kind.THROTTLE, count, null, null);
    }

    public static Fault http500(String service, int count) {
        return new Fault(service, Kind.HTTP_500, count, null, null);
    }

    public static Fault http503(String service, int count) {
        return new Fault(service, Kind.HTTP_503, count, null, null);
    }

    public static Fault slow(String service, int count, Duration delay) {
        return new Fault(service, Kind.SLOW, count, delay, null);
    }

    /** The same fault, limited to one operation name. */
    public Fault forAction(String actionName) {
        return new Fault(service, kind, count, delay, actionName, where);
    }

    /** The same fault, limited to calls whose query parameter {@code name} is {@code value}. */
    public Fault where(String name, String value) {
        return new Fault(service, kind, count, delay, action, Map.entry(name, value));
    }

    boolean matches(String svc, String op, Map<String, String> params) {
        return (service.equals("any") || service.equals(svc)) && (action == null || action.equals(op))
                && (where == null || where.getValue().equals(params.get(where.getKey())));
    }
}
