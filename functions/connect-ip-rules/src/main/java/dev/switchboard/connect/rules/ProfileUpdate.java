package dev.switchboard.connect.rules;

import java.util.List;
import java.util.Optional;

/**
 * What one change sends to Connect: only the fields being changed (null = not sent, so Connect keeps it).
 */
public record ProfileUpdate(List<String> allowedIps, List<String> blockedIps, Integer periodicSessionDuration,
                            Integer sessionInactivityDuration) {

    public ProfileUpdate {
        allowedIps = allowedIps == null ? null : List.copyOf(allowedIps);
        blockedIps = blockedIps == null ? null : List.copyOf(blockedIps);
    }

    public static ProfileUpdate allowed(List<String> entries) {
        return new ProfileUpdate(entries, null, null, null);
    }

    public static ProfileUpdate blocked(List<String> entries) {
        return new ProfileUpdate(null, entries, null, null);
    }

    public Optional<List<String>> allowed() {
        return Optional.ofNullable(allowedIps);
    }

    public Optional<List<String>> blocked() {
        return Optional.ofNullable(blockedIps);
    }

    public Optional<Integer> periodic() {
        return Optional.ofNullable(periodicSessionDuration);
    }

    public Optional<Integer> inactivity() {
        return Optional.ofNullable(sessionInactivityDuration);
    }

    public boolean isEmpty() {
        return allowedIps == null && blockedIps == null && periodicSessionDuration == null
                && sessionInactivityDuration == null;
    }

    /** The profile's rules and durations once this update is applied. */
    public AuthenticationProfile applyTo(AuthenticationProfile p) {
        IpRules rules = new IpRules(allowed().orElse(p.rules().allowed()), blocked().orElse(p.rules().blocked()));
        return new AuthenticationProfile(p.id(), p.name(), p.description(), p.isDefault(), rules,
                periodic().orElse(p.periodicSessionDuration()), p.maxSessionDuration(),
                inactivity().orElse(p.sessionInactivityDuration()), p.lastModified(), p.lastModifiedRegion());
    }
}
