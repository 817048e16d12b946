package dev.switchboard.core.audit;

import java.util.Map;
import java.util.Objects;

/**
 * A state change for the audit log.
 *
 * @param actor    e-mail of the signed-in person, or the invoker of a direct command (e.g. {@code schedule})
 * @param actorSub the signed-in person's token {@code sub} (tells look-alike e-mails apart); null without a token
 * @param sourceIp client address, or {@code direct-invoke}
 * @param action   e.g. {@code vpn.on}, {@code vpn.off}, {@code connect.allow}
 * @param target   e.g. the Client VPN endpoint or authentication profile id
 * @param result   e.g. {@code ok}, {@code no-op}, {@code refused}, {@code failed}
 * @param details  extra fields (before/after, subnets...); values must be JSON-serialisable
 */
public record AuditEvent(String actor, String actorSub, String sourceIp, String action, String target, String result,
                         Map<String, Object> details) {

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(sourceIp, "sourceIp");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(result, "result");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** A change made by someone without a token (a schedule, a direct command): no {@code sub}. */
    public static AuditEvent of(String actor, String sourceIp, String action, String target, String result) {
        return new AuditEvent(actor, null, sourceIp, action, target, result, Map.of());
    }

    public static AuditEvent of(Actor actor, String action, String target, String result) {
        return new AuditEvent(actor.name(), actor.sub(), actor.from(), action, target, result, Map.of());
    }

    public AuditEvent with(Map<String, Object> moreDetails) {
        return new AuditEvent(actor, actorSub, sourceIp, action, target, result, moreDetails);
    }
}
