package dev.switchboard.core.text;

import dev.switchboard.core.http.Lang;

/**
 * Who or what turned the VPN off, in words a person understands: the status page's "Turned off" row and the chat
 * notifications say it the same way. The schedules' audit actors ({@code auto-off:nightly}, …) become what
 * happened; a person's e-mail (or a direct command's {@code requestedBy}) stays as it is.
 */
public final class TurnedOffByText {

    public static final Message OFF_BY_PERSON = Message.of("off_by_person", "by {0}", "{0} がオフにしました");
    public static final Message OFF_BY_NIGHTLY = Message.of("off_by_nightly",
            "by the nightly schedule", "夜間の自動オフ");
    public static final Message OFF_BY_IDLE = Message.of("off_by_idle",
            "after being idle (nobody connected)", "接続している人がいなかったための自動オフ");
    public static final Message OFF_BY_FORCE = Message.of("off_by_force",
            "by the schedule's deadline or an administrator's command", "スケジュールの期限または管理者のコマンドによるオフ");

    private TurnedOffByText() {
    }

    /** The words for the audit actor / {@code turned-off-by} tag value {@code actor}. */
    public static String describe(String actor, Lang lang) {
        return switch (actor) {
            case "auto-off:nightly" -> OFF_BY_NIGHTLY.in(lang);
            case "auto-off:idle" -> OFF_BY_IDLE.in(lang);
            case "auto-off:force" -> OFF_BY_FORCE.in(lang);
            default -> OFF_BY_PERSON.in(lang, actor);
        };
    }
}
