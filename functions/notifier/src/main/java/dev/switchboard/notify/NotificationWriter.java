package dev.switchboard.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.Lang;
import dev.switchboard.core.http.RequestedBy;
import dev.switchboard.core.text.Message;
import dev.switchboard.core.text.TurnedOffByText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an audit line into the message people read in the chat channel, in one language: who turned the VPN on,
 * what turned it off and how many connections that cut, a partial or failed result said plainly, and a Connect
 * change with the lists before and after. Words come from {@link NotifyText} and, for "turned off by", the same
 * words the status page uses ({@link TurnedOffByText}).
 *
 * <p>{@code vpn.route} (a route re-created after each association: routine) is not announced; the template's
 * subscription filter leaves those lines out, and this skips one should it arrive. An action it does not know
 * gets a plain message naming the action and result, so a new kind of change is never silently dropped.
 */
final class NotificationWriter {

    static final String ROUTE = "vpn.route";

    private final Lang lang;

    NotificationWriter(Lang lang) {
        this.lang = lang;
    }

    Optional<Notification> write(AuditLine line) {
        String action = line.action();
        if (ROUTE.equals(action)) {
            return Optional.empty();
        }
        return Optional.of(switch (action) {
            case "vpn.on" -> turnedOn(line);
            case "vpn.off" -> turnedOff(line);
            case "vpn.retry" -> retried(line);
            default -> action.startsWith("connect.") ? connectChange(line) : other(line);
        });
    }

    private Notification turnedOn(AuditLine line) {
        boolean partial = "partial".equals(line.result());
        List<String> text = new ArrayList<>();
        text.add(t(NotifyText.ON_WHO, who(line)));
        text.add(t(NotifyText.ON_SUBNETS, codes(sorted(line.list("subnets")))));
        if (partial) {
            text.add(t(NotifyText.ON_PARTIAL));
        }
        return notification(line, partial ? NotifyText.TITLE_ON_PARTIAL : NotifyText.TITLE_ON, text);
    }

    /** Both the portal's line ({@code activeConnectionsCut}, {@code failedSubnets}) and auto-off's ({@code failures}). */
    private Notification turnedOff(AuditLine line) {
        String result = line.result();
        boolean failed = "failed".equals(result);
        String by = line.actor().startsWith("auto-off:") ? TurnedOffByText.describe(line.actor(), lang) : who(line);
        List<String> text = new ArrayList<>();
        text.add(t(failed ? NotifyText.OFF_TRIED : NotifyText.OFF_WHO, by));
        if (failed) {
            text.add(t(NotifyText.NOTHING_OFF));
        } else {
            long cut = line.number("activeConnectionsCut").or(() -> line.number("activeConnectionsCutOff")).orElse(0L);
            text.add(cut == 0 ? t(NotifyText.CUT_NONE) : cut == 1 ? t(NotifyText.CUT_ONE) : t(NotifyText.CUT_MANY, cut));
            List<String> subnets = sorted(line.list("subnets"));
            if (!subnets.isEmpty()) {
                text.add(t(NotifyText.OFF_SUBNETS, codes(subnets)));
            }
        }
        List<String> stillOn = new ArrayList<>(sorted(line.list("failedSubnets")));
        List<String> errors = new ArrayList<>();
        line.text("error").ifPresent(errors::add);
        // auto-off writes each failure as "associationId:errorCode".
        for (String failure : line.list("failures")) {
            int colon = failure.indexOf(':');
            stillOn.add(colon < 0 ? failure : failure.substring(0, colon));
            if (colon >= 0) {
                errors.add(failure.substring(colon + 1));
            }
        }
        if (!stillOn.isEmpty()) {
            text.add(t(NotifyText.STILL_ON, codes(stillOn)));
        }
        if (!errors.isEmpty()) {
            text.add(t(NotifyText.ERROR_CODES, codes(errors.stream().distinct().toList())));
        }
        Message title = failed ? NotifyText.TITLE_OFF_FAILED
                : "partial".equals(result) ? NotifyText.TITLE_OFF_PARTIAL : NotifyText.TITLE_OFF;
        return notification(line, title, text);
    }

    private Notification retried(AuditLine line) {
        String subnet = line.text("subnet").map(NotificationWriter::code).orElse("?");
        return notification(line, NotifyText.TITLE_RETRY, List.of(t(NotifyText.RETRY, subnet, who(line))));
    }

    private Notification connectChange(AuditLine line) {
        boolean ok = "ok".equals(line.result());
        List<String> text = new ArrayList<>();
        text.add(t(ok ? NotifyText.CONNECT_WHO : NotifyText.CONNECT_TRIED, code(line.target()), who(line)));
        String entries = codes(line.list("entries"));
        switch (line.action()) {
            case "connect.allow" -> text.add(t(NotifyText.OP_ALLOW, entries));
            case "connect.block" -> text.add(t(NotifyText.OP_BLOCK, entries));
            case "connect.remove" -> text.add(t(NotifyText.OP_REMOVE, entries));
            case "connect.set-sessions" -> text.add(t(NotifyText.OP_SET_SESSIONS));
            case "connect.reset" -> text.add(t(NotifyText.OP_RESET));
            default -> { }
        }
        Optional<ObjectNode> before = line.object("before");
        Optional<ObjectNode> after = line.object("after");
        if (before.isPresent() && after.isPresent()) {
            text.add(t(NotifyText.ALLOWED_BEFORE_AFTER, ipList(before.get(), "allowedIps", NotifyText.EMPTY_ALLOWED),
                    ipList(after.get(), "allowedIps", NotifyText.EMPTY_ALLOWED)));
            text.add(t(NotifyText.BLOCKED_BEFORE_AFTER, ipList(before.get(), "blockedIps", NotifyText.EMPTY_BLOCKED),
                    ipList(after.get(), "blockedIps", NotifyText.EMPTY_BLOCKED)));
            text.add(t(NotifyText.SESSIONS_BEFORE_AFTER, minutes(before.get(), "periodicSessionDuration"),
                    minutes(before.get(), "sessionInactivityDuration"), minutes(after.get(), "periodicSessionDuration"),
                    minutes(after.get(), "sessionInactivityDuration")));
        }
        if (line.details().path("confirmedLockout").asBoolean(false)) {
            text.add(t(NotifyText.LOCKOUT_CONFIRMED));
        }
        return notification(line, ok ? NotifyText.TITLE_CONNECT : NotifyText.TITLE_CONNECT_FAILED, text);
    }

    private Notification other(AuditLine line) {
        return notification(line, t(NotifyText.TITLE_OTHER, line.action(), line.result()),
                List.of(t(NotifyText.OTHER, code(line.action()), code(line.target()), code(line.result()), who(line))));
    }

    private Notification notification(AuditLine line, Message title, List<String> text) {
        return notification(line, t(title), text);
    }

    private Notification notification(AuditLine line, String title, List<String> text) {
        return new Notification(line.eventId(), line.action(), title, String.join("\n", text),
                List.of("Switchboard", line.action(), line.result()), List.of(line.target()));
    }

    /**
     * Who made the change: a signed-in person's e-mail, or a direct command's {@code requestedBy}; the schedules
     * that turn the VPN on ({@code schedule}: the weekday morning, or the every-minute repair) in words.
     */
    private String who(AuditLine line) {
        boolean direct = RequestedBy.DIRECT_INVOKE.equals(line.sourceIp());
        if (direct && "schedule".equals(line.actor())) {
            return t("vpn.on".equals(line.action()) ? NotifyText.BY_MORNING : NotifyText.BY_REPAIR);
        }
        return t(direct ? NotifyText.BY_DIRECT : NotifyText.BY_PERSON, line.actor());
    }

    /** A list as it stands in the profile: the entries shown, how many more, or what an empty list means. */
    private String ipList(JsonNode state, String field, Message empty) {
        List<String> shown = AuditLine.list(state, field);
        long count = AuditLine.number(state, field + "Count").orElse((long) shown.size());
        return count == 0 ? t(empty) : firstOf(shown, count);
    }

    private static String minutes(JsonNode state, String field) {
        return AuditLine.number(state, field).map(String::valueOf).orElse("–");
    }

    /** Ids, addresses and codes as markdown code: no markdown inside them is interpreted. */
    private String codes(List<String> values) {
        return firstOf(values, values.size());
    }

    /** The first {@link AuditLine#MAX_ITEMS} values as code ("–" for none), and how many more of {@code total}. */
    private String firstOf(List<String> values, long total) {
        List<String> shown = values.subList(0, Math.min(values.size(), AuditLine.MAX_ITEMS));
        String listed = shown.isEmpty() ? "–" : String.join(", ", shown.stream().map(NotificationWriter::code).toList());
        return total > shown.size() ? t(NotifyText.AND_MORE, listed, total - shown.size()) : listed;
    }

    /** Subnets in a stable order: EC2 lists associations in its own. */
    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    private static String code(String value) {
        return "`" + value + "`";
    }

    private String t(Message message, Object... args) {
        return message.in(lang, args);
    }
}
