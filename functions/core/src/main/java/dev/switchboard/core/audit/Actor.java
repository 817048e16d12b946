package dev.switchboard.core.audit;

import dev.switchboard.core.http.RequestedBy;
import dev.switchboard.core.identity.Employee;

import java.util.Objects;
import java.util.Optional;

/**
 * Who asked for a state change, as the audit line and the endpoint's tags record it.
 *
 * <p>An e-mail alone cannot tell two people apart (a directory may hold look-alike addresses), so a
 * signed-in person also carries the token's {@code sub}: the identity provider's stable id. Direct
 * commands and schedules have no token, hence no {@code sub}, and no address of their own.
 *
 * @param name     the signed-in person's e-mail, or the {@code requestedBy} of a direct command
 * @param sub      the ALB token's {@code sub} claim; null when there is no token
 * @param sourceIp the person's address (the one ALB saw); null for direct commands
 */
public record Actor(String name, String sub, String sourceIp) {

    public Actor {
        Objects.requireNonNull(name, "name");
    }

    /** The signed-in person behind an ALB request. */
    public static Actor of(Employee employee) {
        return new Actor(employee.email(), employee.sub(), employee.sourceIp());
    }

    /** The invoker of a direct command (IAM-authorised; no token, no address). */
    public static Actor direct(String requestedBy) {
        return new Actor(requestedBy, null, null);
    }

    /** The token's {@code sub}, when a token proved who this is. */
    public Optional<String> subject() {
        return Optional.ofNullable(sub);
    }

    /** The person's own address, which a change must not lock out; empty for direct commands. */
    public Optional<String> ownAddress() {
        return Optional.ofNullable(sourceIp);
    }

    /** Where the request came from, for the audit line: the address, or {@code direct-invoke}. */
    public String from() {
        return sourceIp == null ? RequestedBy.DIRECT_INVOKE : sourceIp;
    }
}
