package dev.switchboard.connect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.config.Patterns;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.identity.AsciiCase;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One change, validated before anything is read from or written to Connect: every entry parsed, durations in
 * range, the profile id well-formed. Null components mean "not given".
 *
 * @param profileId            the profile to change; null = the configured or default one
 * @param entries              for allow, block and remove
 * @param list                 for remove: the list to remove from; null = whichever list holds the entry
 * @param expectedLastModified the profile version the change was prepared against; null = do not check
 * @param confirmLockout       the admin confirmed a change that refuses their own address
 * @param confirmed            for reset: the admin confirmed emptying both lists
 */
public record ChangeRequest(Operation operation, String profileId, List<IpEntry.Parsed> entries, ListName list,
                            Integer periodicSessionDuration, Integer sessionInactivityDuration,
                            Instant expectedLastModified, boolean confirmLockout, boolean confirmed) {

    public static final int PERIODIC_MIN = 10;
    public static final int PERIODIC_MAX = 60;
    public static final int INACTIVITY_MIN = 15;
    public static final int INACTIVITY_MAX = 720;

    public ChangeRequest {
        entries = List.copyOf(entries);
    }

    public Optional<String> profile() {
        return Optional.ofNullable(profileId);
    }

    public Optional<Instant> expectedVersion() {
        return Optional.ofNullable(expectedLastModified);
    }

    /**
     * From a browser form: {@code op}, {@code entry} (one or more, separated by spaces, commas or new lines),
     * {@code list}, {@code periodicSessionDuration}, {@code sessionInactivityDuration}, {@code profile},
     * {@code lastModified} (required: the page's version), {@code confirmLockout=yes}, {@code confirm=yes}.
     */
    public static ChangeRequest fromForm(Map<String, String> form) {
        String lastModified = form.get("lastModified");
        if (lastModified == null || lastModified.isBlank()) {
            throw new SwitchboardException(ConnectErrors.MISSING_LAST_MODIFIED);
        }
        String entryText = form.getOrDefault("entry", "");
        List<String> entries = entryText.isBlank() ? List.of() : List.of(entryText.trim().split("[\\s,]+"));
        return build(form.get("op"), form.get("profile"), entries, form.get("list"),
                integer(form.get("periodicSessionDuration"), "periodicSessionDuration"),
                integer(form.get("sessionInactivityDuration"), "sessionInactivityDuration"),
                lastModified, yes(form.get("confirmLockout")), yes(form.get("confirm")));
    }

    /**
     * From JSON (a script's POST body, or a direct command): {@code op} or {@code command}, {@code entries}
     * (array) or {@code entry}, {@code list}, the two durations, {@code profileId},
     * {@code expectedLastModified} (optional), {@code confirmLockout}, {@code confirm}.
     */
    public static ChangeRequest fromJson(JsonNode body, String operation, boolean trusted) {
        List<String> entries = new ArrayList<>();
        JsonNode many = body.get("entries");
        if (many != null && !many.isNull()) {
            if (!many.isArray()) {
                throw new SwitchboardException(ConnectErrors.INVALID_ENTRIES, "entries", ConnectErrors.AN_ARRAY_OF_STRINGS);
            }
            for (JsonNode e : many) {
                if (!e.isTextual()) {
                    throw new SwitchboardException(ConnectErrors.INVALID_ENTRIES, "entries",
                            ConnectErrors.AN_ARRAY_OF_STRINGS);
                }
                entries.add(e.textValue());
            }
        }
        JsonNode one = body.get("entry");
        if (one != null && !one.isNull()) {
            if (!one.isTextual()) {
                throw new SwitchboardException(ConnectErrors.INVALID_ENTRIES, "entry", ConnectErrors.A_STRING);
            }
            entries.add(one.textValue());
        }
        return build(operation, text(body, "profileId"), entries, text(body, "list"),
                integer(body.get("periodicSessionDuration"), "periodicSessionDuration"),
                integer(body.get("sessionInactivityDuration"), "sessionInactivityDuration"),
                text(body, "expectedLastModified"), bool(body.get("confirmLockout")),
                trusted || bool(body.get("confirm")));
    }

    private static ChangeRequest build(String op, String profileId, List<String> rawEntries, String list,
                                       Integer periodic, Integer inactivity, String lastModified,
                                       boolean confirmLockout, boolean confirmed) {
        Operation operation = Operation.parse(op);
        String profile = profileId(profileId);
        Instant expected = instant(lastModified);
        List<IpEntry.Parsed> entries = new ArrayList<>();
        ListName listName = null;
        switch (operation) {
            case ALLOW, BLOCK, REMOVE -> {
                if (rawEntries.isEmpty()) {
                    throw new SwitchboardException(ConnectErrors.NO_ENTRY, operation.wireName());
                }
                Set<String> seen = new HashSet<>();
                for (String raw : rawEntries) {
                    IpEntry.Parsed parsed = IpEntry.parse(raw);
                    if (!seen.add(parsed.entry().value())) {
                        throw new SwitchboardException(ConnectErrors.ENTRY_GIVEN_TWICE, parsed.entry().value());
                    }
                    entries.add(parsed);
                }
                if (operation == Operation.REMOVE && list != null && !list.isBlank()) {
                    listName = ListName.parse(list);
                }
            }
            case SET_SESSIONS -> {
                if (periodic == null && inactivity == null) {
                    throw new SwitchboardException(ConnectErrors.MISSING_DURATION);
                }
                range(periodic, "periodicSessionDuration", PERIODIC_MIN, PERIODIC_MAX);
                range(inactivity, "sessionInactivityDuration", INACTIVITY_MIN, INACTIVITY_MAX);
            }
            case RESET -> {
                if (!confirmed) {
                    throw new SwitchboardException(ConnectErrors.RESET_NOT_CONFIRMED);
                }
            }
            default -> throw new IllegalStateException(operation.name());
        }
        boolean sessions = operation == Operation.SET_SESSIONS;
        return new ChangeRequest(operation, profile, entries, listName, sessions ? periodic : null,
                sessions ? inactivity : null, expected, confirmLockout, confirmed);
    }

    static String profileId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.trim();
        if (!Patterns.CONNECT_PROFILE_ID.matcher(id).matches()) {
            throw new SwitchboardException(ConnectErrors.INVALID_PROFILE, IpEntry.shorten(id));
        }
        return id;
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new SwitchboardException(ConnectErrors.INVALID_LAST_MODIFIED);
        }
    }

    private static void range(Integer value, String field, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new SwitchboardException(ConnectErrors.DURATION_OUT_OF_RANGE, field, min, max, value);
        }
    }

    private static Integer integer(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new SwitchboardException(ConnectErrors.INVALID_DURATION, field);
        }
    }

    private static Integer integer(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return integer(node.textValue(), field);
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new SwitchboardException(ConnectErrors.INVALID_DURATION, field);
        }
        return node.intValue();
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new SwitchboardException(ConnectErrors.INVALID_FIELD, field);
        }
        return node.textValue();
    }

    private static boolean yes(String value) {
        return AsciiCase.equalsIgnoreCase(value, "yes") || AsciiCase.equalsIgnoreCase(value, "true");
    }

    private static boolean bool(JsonNode node) {
        return node != null && (node.isBoolean() ? node.booleanValue() : yes(node.asText()));
    }
}
