package dev.switchboard.connect.rules;

import java.time.Instant;

/** One line of the instance's list of authentication profiles. */
public record ProfileSummary(String id, String name, boolean isDefault, Instant lastModified, String lastModifiedRegion) {
}
