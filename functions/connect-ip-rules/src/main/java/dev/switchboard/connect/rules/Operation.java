package dev.switchboard.connect.rules;

import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.identity.AsciiCase;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The changes one request can make, with the names forms and commands use. */
public enum Operation {
    ALLOW("allow"), BLOCK("block"), REMOVE("remove"), SET_SESSIONS("set-sessions"), RESET("reset");

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Operation parse(String name) {
        String wanted = name == null ? "" : AsciiCase.lower(name.trim());
        for (Operation op : values()) {
            if (op.wireName.equals(wanted)) {
                return op;
            }
        }
        throw new SwitchboardException(ConnectErrors.UNKNOWN_OPERATION, IpEntry.shorten(wanted), names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Operation::wireName).collect(Collectors.joining(", "));
    }
}
