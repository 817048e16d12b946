package dev.switchboard.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.text.CoreErrors;
import dev.switchboard.core.text.CoreText;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A direct command, in the one envelope every function takes: {@code {"command":"<name>", ...its fields}}
 * ({@code sam local invoke}, {@code aws lambda invoke}, EventBridge Scheduler's {@code Input}). A classic
 * EventBridge rule wraps the same object as the {@code detail} of a {@code "Scheduled Event"}; it is unwrapped here.
 *
 * <p>Each function may keep the name its verb had before the envelope was unified ({@code action} for the
 * portal, {@code mode} for auto-off) as a documented alias, so schedules and scripts written against it keep
 * working; an event that names the verb both ways is refused rather than guessed at.
 *
 * @param name    the command, one of the function's {@link Spec#names()}
 * @param fields  the command object (the event itself, or the scheduled event's detail)
 * @param trigger {@link #DIRECT} or {@link #SCHEDULED_EVENT}, for the log
 */
public record Command(String name, ObjectNode fields, String trigger) {

    public static final String FIELD = "command";
    public static final String DIRECT = "direct";
    public static final String SCHEDULED_EVENT = "scheduled-event";

    private static final Set<String> SCHEDULED_EVENT_FIELDS = Set.of("version", "id", "detail-type", "source",
            "account", "time", "region", "resources", "detail");

    /**
     * The commands a function takes.
     *
     * @param names       the command names
     * @param alias       the verb's older field name still accepted, or null
     * @param whenMissing the command an event without one means, or null when it must name one
     */
    public record Spec(List<String> names, String alias, String whenMissing) {

        public Spec {
            names = List.copyOf(names);
        }

        public static Spec of(String... names) {
            return new Spec(List.of(names), null, null);
        }

        public Spec withAlias(String olderFieldName) {
            return new Spec(names, olderFieldName, whenMissing);
        }

        public Spec orElse(String defaultCommand) {
            return new Spec(names, alias, defaultCommand);
        }
    }

    /** The command in {@code event}; an event that does not name exactly one known command is refused. */
    public static Command read(ObjectNode event, Spec spec) {
        ObjectNode fields = event;
        String trigger = DIRECT;
        if (event.has("detail-type")) {
            if (!"Scheduled Event".equals(event.path("detail-type").textValue())
                    || !"aws.events".equals(event.path("source").textValue())) {
                throw new SwitchboardException(CoreErrors.UNSUPPORTED_EVENT);
            }
            for (Iterator<String> names = event.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!SCHEDULED_EVENT_FIELDS.contains(name)) {
                    throw new SwitchboardException(CoreErrors.UNKNOWN_FIELD, shorten(name));
                }
            }
            JsonNode detail = event.get("detail");
            if (detail != null && !detail.isNull() && !detail.isObject()) {
                throw new SwitchboardException(CoreErrors.NOT_JSON_OBJECT, CoreText.THE_EVENT_DETAIL);
            }
            fields = detail instanceof ObjectNode d ? d : JsonNodeFactory.instance.objectNode();
            trigger = SCHEDULED_EVENT;
        }
        return new Command(name(fields, spec), fields, trigger);
    }

    /** The command named in a JSON request body (no scheduled-event envelope there), by the same rules. */
    public static Command fromBody(ObjectNode body, Spec spec) {
        return new Command(name(body, spec), body, DIRECT);
    }

    private static String name(ObjectNode fields, Spec spec) {
        JsonNode command = fields.get(FIELD);
        JsonNode older = spec.alias() == null ? null : fields.get(spec.alias());
        if (command != null && older != null) {
            throw new SwitchboardException(CoreErrors.AMBIGUOUS_COMMAND, spec.alias());
        }
        JsonNode given = command != null ? command : older;
        String field = command != null ? FIELD : spec.alias();
        if (given == null || given.isNull()) {
            if (spec.whenMissing() != null) {
                return spec.whenMissing();
            }
            throw new SwitchboardException(CoreErrors.MISSING_COMMAND, String.join(", ", spec.names()));
        }
        if (!given.isTextual()) {
            throw new SwitchboardException(CoreErrors.INVALID_COMMAND_FIELD, field);
        }
        if (!spec.names().contains(given.textValue())) {
            throw new SwitchboardException(CoreErrors.UNKNOWN_COMMAND, shorten(given.textValue()),
                    String.join(", ", spec.names()));
        }
        return given.textValue();
    }

    /** Who asked, for the audit line ({@code requestedBy}; {@link RequestedBy#DIRECT_INVOKE} when absent). */
    public String requestedBy() {
        return RequestedBy.of(fields);
    }

    /**
     * Refuses any field other than {@code command} and {@code allowed} (which names the alias, if the function
     * accepts one): a misspelt flag ignored would turn a rehearsal into the real thing.
     */
    public void refuseFieldsOtherThan(Set<String> allowed) {
        for (Iterator<String> names = fields.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name) && !name.equals(FIELD)) {
                throw new SwitchboardException(CoreErrors.UNKNOWN_FIELD, shorten(name));
            }
        }
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
