package dev.switchboard.connect.rules;

import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.text.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    /** The stored entries plus the new ones; an entry already in either list is refused (it would change nothing). */
    private static List<String> add(ChangeRequest request, List<String> target, Message targetName,
                                    List<String> other, Message otherName) {
        List<String> result = new ArrayList<>(target);
        for (IpEntry.Parsed parsed : request.entries()) {
            String value = parsed.entry().value();
            if (indexOf(target, value) >= 0) {
                throw new SwitchboardException(ConnectErrors.DUPLICATE_ENTRY, value, targetName);
            }
            if (indexOf(other, value) >= 0) {
                throw new SwitchboardException(ConnectErrors.ENTRY_IN_OTHER_LIST, value, otherName);
            }
            result.add(value);
        }
        return result;
    }

    private static ProfileUpdate remove(ChangeRequest request, List<String> allowed, List<String> blocked) {
        List<String> newAllowed = new ArrayList<>(allowed);
        List<String> newBlocked = new ArrayList<>(blocked);
        for (IpEntry.Parsed parsed : request.entries()) {
            String value = parsed.entry().value();
            boolean removed = false;
            if (request.list() != ListName.BLOCKED) {
                removed |= removeFrom(newAllowed, value);
            }
            if (request.list() != ListName.ALLOWED) {
                removed |= removeFrom(newBlocked, value);
            }
            if (!removed) {
                Message where = request.list() == null ? ConnectErrors.EITHER_LIST
                        : request.list() == ListName.ALLOWED ? ConnectErrors.THE_ALLOWED_LIST : ConnectErrors.THE_BLOCKED_LIST;
                throw new SwitchboardException(ConnectErrors.ENTRY_NOT_FOUND, value, where);
            }
        }
        return new ProfileUpdate(newAllowed.size() == allowed.size() ? null : newAllowed,
                newBlocked.size() == blocked.size() ? null : newBlocked, null, null);
    }

    private static boolean removeFrom(List<String> list, String value) {
        int i = indexOf(list, value);
        if (i < 0) {
            return false;
        }
        list.remove(i);
        return true;
    }

    /** Stored entries are compared in normalised form, so 10.1.2.3/32 stored by the CLI matches 10.1.2.3. */
    private static int indexOf(List<String> stored, String normalisedValue) {
        for (int i = 0; i < stored.size(); i++) {
            String raw = stored.get(i);
            String key = IpEntry.read(raw).map(IpEntry::value).orElse(raw);
            if (key.equals(normalisedValue)) {
                return i;
            }
        }
        return -1;
    }

    private static Integer changed(Integer wanted, Integer current) {
        return wanted == null || Objects.equals(wanted, current) ? null : wanted;
    }
}
