package dev.switchboard.connect.rules;

import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.text.Message;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Turns a validated request and the profile as it is now into the fields to send. */
final class ProfileChanges {

    private ProfileChanges() {
    }

    static ProfileUpdate plan(ChangeRequest request, AuthenticationProfile current) {
        List<String> allowed = current.rules().allowed();
        List<String> blocked = current.rules().blocked();
        switch (request.operation()) {
            case ALLOW:
                return ProfileUpdate.allowed(add(request, allowed, ConnectErrors.THE_ALLOWED_LIST, blocked,
                        ConnectErrors.THE_BLOCKED_LIST));
            case BLOCK:
                return ProfileUpdate.blocked(add(request, blocked, ConnectErrors.THE_BLOCKED_LIST, allowed,
                        ConnectErrors.THE_ALLOWED_LIST));
            case REMOVE:
                return remove(request, allowed, blocked);
            case SET_SESSIONS:
                Integer periodic = changed(request.periodicSessionDuration(), current.periodicSessionDuration());
                Integer inactivity = changed(request.sessionInactivityDuration(), current.sessionInactivityDuration());
                return new ProfileUpdate(null, null, periodic, inactivity);
            case RESET:
                return allowed.isEmpty() && blocked.isEmpty()
                        ? new ProfileUpdate(null, null, null, null)
                        : new ProfileUpdate(List.of(), List.of(), null, null);
            default:
                throw new IllegalStateException(request.operation().name());
        }
    }

    /**
     * The stored entries plus the new ones; an entry already in either list is refused (it would change nothing).
     * Each stored entry is read once, so planning is linear in the sizes of the lists and of the request.
     */
    private static List<String> add(ChangeRequest request, List<String> target, Message targetName,
                                    List<String> other, Message otherName) {
        Set<String> inTarget = keys(target);
        Set<String> inOther = keys(other);
        List<String> result = new ArrayList<>(target);
        for (IpEntry.Parsed parsed : request.entries()) {
            String value = parsed.entry().value();
            if (inTarget.contains(value)) {
                throw new SwitchboardException(ConnectErrors.DUPLICATE_ENTRY, value, targetName);
            }
            if (inOther.contains(value)) {
                throw new SwitchboardException(ConnectErrors.ENTRY_IN_OTHER_LIST, value, otherName);
            }
            result.add(value);
        }
        if (result.size() > ConnectLimits.MAX_ENTRIES_PER_LIST) {
            throw new SwitchboardException(ConnectLimits.LIST_TOO_LONG, targetName, result.size(),
                    ConnectLimits.MAX_ENTRIES_PER_LIST);
        }
        return result;
    }

    /** Removes every stored spelling of each entry (10.1.2.3 and 10.1.2.3/32 are one entry). */
    private static ProfileUpdate remove(ChangeRequest request, List<String> allowed, List<String> blocked) {
        Set<String> fromAllowed = new HashSet<>();
        Set<String> fromBlocked = new HashSet<>();
        Set<String> inAllowed = request.list() != ListName.BLOCKED ? keys(allowed) : Set.of();
        Set<String> inBlocked = request.list() != ListName.ALLOWED ? keys(blocked) : Set.of();
        for (IpEntry.Parsed parsed : request.entries()) {
            String value = parsed.entry().value();
            boolean found = false;
            if (inAllowed.contains(value)) {
                fromAllowed.add(value);
                found = true;
            }
            if (inBlocked.contains(value)) {
                fromBlocked.add(value);
                found = true;
            }
            if (!found) {
                Message where = request.list() == null ? ConnectErrors.EITHER_LIST
                        : request.list() == ListName.ALLOWED ? ConnectErrors.THE_ALLOWED_LIST : ConnectErrors.THE_BLOCKED_LIST;
                throw new SwitchboardException(ConnectErrors.ENTRY_NOT_FOUND, value, where);
            }
        }
        return new ProfileUpdate(fromAllowed.isEmpty() ? null : without(allowed, fromAllowed),
                fromBlocked.isEmpty() ? null : without(blocked, fromBlocked), null, null);
    }

    private static List<String> without(List<String> stored, Set<String> keys) {
        return stored.stream().filter(raw -> !keys.contains(key(raw))).toList();
    }

    /** The stored entries in normalised form, so 10.1.2.3/32 stored by the CLI matches 10.1.2.3. */
    private static Set<String> keys(List<String> stored) {
        Set<String> out = new HashSet<>(stored.size() * 2);
        for (String raw : stored) {
            out.add(key(raw));
        }
        return out;
    }

    private static String key(String raw) {
        return IpEntry.read(raw).map(IpEntry::value).orElse(raw);
    }

    private static Integer changed(Integer wanted, Integer current) {
        return wanted == null || Objects.equals(wanted, current) ? null : wanted;
    }
}
