package dev.switchboard.connect.rules;

import dev.switchboard.core.text.Message;

/** The notices shown on /connect after a change (named in the redirect's {@code notice} parameter). */
public final class ConnectNotices {

    public static final Message ADDED_TO_ALLOWED = Message.of("notice_allow",
            "Added to the allowed list.", "許可リストに追加しました。");
    public static final Message ADDED_TO_BLOCKED = Message.of("notice_block",
            "Added to the blocked list.", "ブロックリストに追加しました。");
    public static final Message REMOVED = Message.of("notice_remove",
            "Removed.", "削除しました。");
    public static final Message SESSIONS_SAVED = Message.of("notice_set_sessions",
            "Session durations saved.", "セッション時間を保存しました。");
    public static final Message LISTS_EMPTIED = Message.of("notice_reset",
            "Both lists were emptied.", "両方のリストを空にしました。");
    public static final Message UNCHANGED = Message.of("notice_unchanged",
            "Nothing to change: the profile already was like that.", "変更はありません: すでにその設定になっています。");
    public static final Message NORMALISED = Message.of("notice_normalised",
            "{0} was stored as {1} (the range it names).", "{0} は {1} として登録しました (その範囲を表す表記)。");

    /** In a 409 lockout JSON answer: how a script applies the change anyway. */
    public static final Message LOCKOUT_HINT = Message.of("lockout_hint",
            "Send confirmLockout: true to apply it anyway.",
            "それでも適用する場合は confirmLockout: true を送ってください。");

    private ConnectNotices() {
    }
}
