package dev.switchboard.connect.rules;

import inet.ipaddr.IPAddress;

import java.util.List;
import java.util.Optional;

/**
 * The allowed and blocked lists of an authentication profile, and what they mean (seed 000): an address in
 * any blocked entry is refused — blocked wins; otherwise it is allowed when the allowed list is empty or one
 * of its entries contains it; otherwise it is refused. Stored entries we cannot read match nothing.
 */
public record IpRules(List<String> allowed, List<String> blocked) {

    public IpRules {
        allowed = List.copyOf(allowed);
        blocked = List.copyOf(blocked);
    }

    /** Why an address is allowed or refused. */
    public enum Reason {
        BLOCKED_BY_ENTRY, ALLOWED_LIST_EMPTY, ALLOWED_BY_ENTRY, NOT_IN_ALLOWED_LIST
    }

    /**
     * The answer for one address.
     *
     * @param entry the stored entry that decided it, for {@code BLOCKED_BY_ENTRY} and {@code ALLOWED_BY_ENTRY}
     */
    public record Verdict(String address, boolean allowed, Reason reason, String entry) {
        public Optional<String> decidingEntry() {
            return Optional.ofNullable(entry);
        }
    }

    public Verdict evaluate(IPAddress address) {
        IPAddress ip = IpEntry.unmap(address);
        String shown = ip.toCanonicalString();
        for (String stored : blocked) {
            if (IpEntry.read(stored).map(e -> e.contains(ip)).orElse(false)) {
                return new Verdict(shown, false, Reason.BLOCKED_BY_ENTRY, stored);
            }
        }
        if (allowed.isEmpty()) {
            return new Verdict(shown, true, Reason.ALLOWED_LIST_EMPTY, null);
        }
        for (String stored : allowed) {
            if (IpEntry.read(stored).map(e -> e.contains(ip)).orElse(false)) {
                return new Verdict(shown, true, Reason.ALLOWED_BY_ENTRY, stored);
            }
        }
        return new Verdict(shown, false, Reason.NOT_IN_ALLOWED_LIST, null);
    }

    /** Stored entries that are not a plain address or CIDR range (set outside Switchboard); shown, never matched. */
    public List<String> unreadable() {
        return java.util.stream.Stream.concat(allowed.stream(), blocked.stream())
                .filter(s -> IpEntry.read(s).isEmpty()).toList();
    }
}
