package dev.switchboard.connect.rules;

import java.util.List;

/**
 * The port to Amazon Connect authentication profiles (a preview API). Implementations throw
 * {@link dev.switchboard.core.http.SwitchboardException} with a status that fits and a message for people.
 */
public interface AuthenticationProfiles {

    /** Every profile of the instance (all pages). */
    List<ProfileSummary> list(String instanceId);

    AuthenticationProfile describe(String instanceId, String profileId);

    /** Sends only the fields {@code update} carries; Connect keeps the rest. */
    void update(String instanceId, String profileId, ProfileUpdate update);
}
