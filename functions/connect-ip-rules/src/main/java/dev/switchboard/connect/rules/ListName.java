package dev.switchboard.connect.rules;

import dev.switchboard.core.http.SwitchboardException;

import java.util.Locale;

/** Which list an entry is removed from. */
public enum ListName {
    ALLOWED, BLOCKED;

    public static ListName parse(String name) {
        switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
            case "allowed":
            case "allow":
                return ALLOWED;
            case "blocked":
            case "block":
                return BLOCKED;
            default:
                throw SwitchboardException.badRequest("unknown_list", "The list must be 'allowed' or 'blocked'.");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
