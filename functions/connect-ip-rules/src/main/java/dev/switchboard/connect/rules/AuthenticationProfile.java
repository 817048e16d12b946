package dev.switchboard.connect.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * An authentication profile as Connect describes it.
 *
 * @param description      may be null
 * @param lastModified     the version the page was built from; a write is refused when it has moved since
 * @param periodicSessionDuration   minutes between re-authentications (10–60)
 * @param maxSessionDuration        minutes a session may last at most (read-only here)
 * @param sessionInactivityDuration minutes of inactivity before sign-out (15–720); null when Connect sends none
 */
public record AuthenticationProfile(String id, String name, String description, boolean isDefault, IpRules rules,
                                    Integer periodicSessionDuration, Integer maxSessionDuration,
                                    Integer sessionInactivityDuration, Instant lastModified, String lastModifiedRegion) {

    public Optional<String> describedAs() {
        return Optional.ofNullable(description);
    }
}
