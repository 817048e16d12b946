package dev.switchboard.connect.rules;

import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.identity.AsciiCase;

/** Which list an entry is removed from. */
public enum ListName {
    ALLOWED, BLOCKED;

    public static ListName parse(String name) {
        switch (name == null ? "" : AsciiCase.lower(name.trim())) {
            case "allowed":
            case "allow":
                return ALLOWED;
            case "blocked":
            case "block":
                return BLOCKED;
            default:
                throw new SwitchboardException(ConnectErrors.UNKNOWN_LIST);
        }
    }

    public String wireName() {
        return AsciiCase.lower(name());
    }
}
