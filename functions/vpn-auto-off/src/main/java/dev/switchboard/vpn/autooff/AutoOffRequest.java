package dev.switchboard.vpn.autooff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.http.Command;
import dev.switchboard.core.http.SwitchboardException;

import java.util.Set;

/**
 * One auto-off run as asked for by its event, in the envelope every function shares ({@link Command}):
 * {@code {"command":"nightly"|"idle"|"force","dryRun":true|false}}. EventBridge Scheduler delivers the schedule's
 * {@code Input} verbatim; a classic EventBridge rule's {@code "Scheduled Event"} carries the same object as its
 * {@code detail} (the dispatcher unwraps it).
 *
 * <p>{@code mode}, the verb's name before the envelope was shared, stays a documented alias so schedules created
 * against earlier versions keep working; naming both is refused. A missing command means {@code idle}: it is the
 * run that never cuts anyone off, so an empty or forgotten input cannot end live sessions. Unknown fields are
 * refused rather than ignored, because a misspelt {@code dryrun} silently ignored would turn a rehearsal into a
 * real turn-off.
 *
 * @param trigger {@link Command#DIRECT} or {@link Command#SCHEDULED_EVENT}, for the log
 */
public record AutoOffRequest(AutoOffMode mode, boolean dryRun, String trigger) {

    public static final String DIRECT = Command.DIRECT;
    public static final String SCHEDULED_EVENT = Command.SCHEDULED_EVENT;

    /** The commands, the older verb field, and the safe default. */
    static final Command.Spec SPEC = Command.Spec.of(AutoOffMode.NIGHTLY.wire(), AutoOffMode.FORCE.wire(),
            AutoOffMode.IDLE.wire())
            .withAlias("mode").orElse(AutoOffMode.IDLE.wire());

    /** Scheduler context attributes a schedule's Input may carry (<aws.scheduler.*>); accepted and not used. */
    private static final Set<String> DIRECT_FIELDS = Set.of("mode", "dryRun",
            "scheduleArn", "scheduledTime", "executionId", "attemptNumber");
    private static final Set<String> DETAIL_FIELDS = Set.of("mode", "dryRun");

    /** Reads the command; anything it cannot read exactly is refused and nothing runs. */
    public static AutoOffRequest from(Command command) {
        command.refuseFieldsOtherThan(command.trigger().equals(SCHEDULED_EVENT) ? DETAIL_FIELDS : DIRECT_FIELDS);
        AutoOffMode mode = AutoOffMode.parse(command.name()).orElseThrow(
                () -> new IllegalStateException("not in the spec: " + command.name()));
        return new AutoOffRequest(mode, dryRun(command.fields().get("dryRun")), command.trigger());
    }

    private static boolean dryRun(JsonNode dryRun) {
        if (dryRun == null) {
            return false;
        }
        if (!dryRun.isBoolean()) {
            throw new SwitchboardException(AutoOffErrors.INVALID_DRY_RUN);
        }
        return dryRun.booleanValue();
    }
}
