package dev.switchboard.connect.rules;

import java.util.Optional;

/**
 * Who asks for a change.
 *
 * @param who      the signed-in admin's e-mail, or the {@code requestedBy} of a direct command
 * @param sourceIp the admin's current address; null for direct commands (they have none to lock out)
 */
public record Actor(String who, String sourceIp) {

    public static final String DIRECT_INVOKE = dev.switchboard.core.http.RequestedBy.DIRECT_INVOKE;

    public static Actor direct(String requestedBy) {
        return new Actor(requestedBy, null);
    }

    public Optional<String> ownAddress() {
        return Optional.ofNullable(sourceIp);
    }

    public String from() {
        return sourceIp == null ? DIRECT_INVOKE : sourceIp;
    }
}
