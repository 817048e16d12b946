package dev.switchboard.notify;

import dev.switchboard.core.text.Message;

/** Every word of the chat notifications, English and Japanese side by side ({@code NOTIFY_LANGUAGE} picks one). */
public final class NotifyText {

    /** What was read, for the JSON errors ({@code CoreErrors}' {0}). */
    public static final Message THE_LOG_DATA = Message.of("notify_the_log_data", "The log data", "ログデータ");
    public static final Message THE_AUDIT_LINE = Message.of("notify_the_audit_line", "An audit line", "監査ログ行");

    public static final Message TITLE_ON = Message.of("notify_title_on", "VPN turned on", "VPN をオンにしました");
    public static final Message TITLE_ON_PARTIAL = Message.of("notify_title_on_partial",
            "VPN turned on, but not every subnet", "VPN をオンにしましたが、一部のサブネットは失敗しました");
    public static final Message TITLE_OFF = Message.of("notify_title_off", "VPN turned off", "VPN をオフにしました");
    public static final Message TITLE_OFF_PARTIAL = Message.of("notify_title_off_partial",
            "VPN only partly turned off", "VPN を一部しかオフにできませんでした");
    public static final Message TITLE_OFF_FAILED = Message.of("notify_title_off_failed",
            "VPN turn-off failed", "VPN をオフにできませんでした");
    public static final Message TITLE_RETRY = Message.of("notify_title_retry",
            "VPN subnet associated again after a failure", "失敗した VPN サブネットを再度関連付けました");
    public static final Message TITLE_CONNECT = Message.of("notify_title_connect",
            "Amazon Connect IP rules changed", "Amazon Connect の IP アクセス制限を変更しました");
    public static final Message TITLE_CONNECT_FAILED = Message.of("notify_title_connect_failed",
            "Amazon Connect IP rules change failed", "Amazon Connect の IP アクセス制限を変更できませんでした");
    public static final Message TITLE_OTHER = Message.of("notify_title_other",
            "Switchboard: `{0}` ({1})", "Switchboard の操作: `{0}` ({1})");

    public static final Message BY_PERSON = Message.of("notify_by_person", "by {0}", "{0} が実行");
    public static final Message BY_DIRECT = Message.of("notify_by_direct",
            "by {0} (a direct command)", "{0} が実行 (直接コマンド)");
    public static final Message BY_MORNING = Message.of("notify_by_morning",
            "by the weekday-morning schedule", "平日朝のスケジュールで実行");
    public static final Message BY_REPAIR = Message.of("notify_by_repair",
            "by the repair that runs every minute", "毎分の修復処理で実行");

    public static final Message ON_WHO = Message.of("notify_on_who", "Turned on {0}.", "オンにした経緯: {0}。");
    public static final Message ON_SUBNETS = Message.of("notify_on_subnets",
            "Subnets being associated: {0}. Usable in about 5–10 minutes.",
            "関連付け中のサブネット: {0}。5〜10 分ほどで使えるようになります。");
    public static final Message ON_PARTIAL = Message.of("notify_on_partial",
            "At least one other subnet could not be associated: see the alarms and the saved query \"Errors by code\".",
            "ほかに関連付けできなかったサブネットがあります。アラームと保存済みクエリ \"Errors by code\" を確認してください。");

    public static final Message OFF_WHO = Message.of("notify_off_who", "Turned off {0}.", "オフになった経緯: {0}。");
    public static final Message OFF_TRIED = Message.of("notify_off_tried",
            "Turn-off attempted {0}.", "オフにしようとした経緯: {0}。");
    public static final Message CUT_NONE = Message.of("notify_cut_none",
            "Nobody was connected.", "接続中の人はいませんでした。");
    public static final Message CUT_ONE = Message.of("notify_cut_one",
            "1 active connection was cut.", "接続中の 1 件の接続が切断されました。");
    public static final Message CUT_MANY = Message.of("notify_cut_many",
            "{0} active connections were cut.", "接続中の {0} 件の接続が切断されました。");
    public static final Message OFF_SUBNETS = Message.of("notify_off_subnets",
            "Subnets disassociated: {0}.", "関連付けを解除したサブネット: {0}。");
    public static final Message STILL_ON = Message.of("notify_still_on",
            "Still associated, and still billed: {0}.", "関連付けが残っており、課金が続いています: {0}。");
    public static final Message NOTHING_OFF = Message.of("notify_nothing_off",
            "Nothing was disassociated: the VPN is still on and billed.",
            "何も関連付け解除されていません。VPN はオンのままで、課金が続いています。");
    public static final Message ERROR_CODES = Message.of("notify_error_codes", "Error: {0}.", "エラー: {0}。");

    public static final Message RETRY = Message.of("notify_retry",
            "Subnet {0} had failed to associate and was associated again {1}.",
            "関連付けに失敗したサブネット {0} を再度関連付けました ({1})。");

    public static final Message CONNECT_WHO = Message.of("notify_connect_who",
            "Authentication profile {0}, changed {1}.", "認証プロファイル {0}、変更: {1}。");
    public static final Message CONNECT_TRIED = Message.of("notify_connect_tried",
            "Authentication profile {0}, change attempted {1}; Connect refused it, so the rules below are unchanged.",
            "認証プロファイル {0}、変更の試み: {1}。Connect が拒否したため、下記のルールは変わっていません。");
    public static final Message OP_ALLOW = Message.of("notify_op_allow", "Allowed: {0}.", "許可に追加: {0}。");
    public static final Message OP_BLOCK = Message.of("notify_op_block", "Blocked: {0}.", "ブロックに追加: {0}。");
    public static final Message OP_REMOVE = Message.of("notify_op_remove", "Removed: {0}.", "削除: {0}。");
    public static final Message OP_SET_SESSIONS = Message.of("notify_op_set_sessions",
            "Session durations set.", "セッション時間を設定しました。");
    public static final Message OP_RESET = Message.of("notify_op_reset",
            "Allowed and blocked lists reset.", "許可リストとブロックリストをリセットしました。");
    public static final Message ALLOWED_BEFORE_AFTER = Message.of("notify_allowed_before_after",
            "Allowed list: {0} → {1}", "許可リスト: {0} → {1}");
    public static final Message BLOCKED_BEFORE_AFTER = Message.of("notify_blocked_before_after",
            "Blocked list: {0} → {1}", "ブロックリスト: {0} → {1}");
    public static final Message SESSIONS_BEFORE_AFTER = Message.of("notify_sessions_before_after",
            "Sessions (re-authentication / inactivity, minutes): {0} / {1} → {2} / {3}",
            "セッション (再認証 / 無操作、分): {0} / {1} → {2} / {3}");
    public static final Message EMPTY_ALLOWED = Message.of("notify_empty_allowed",
            "(empty: every address)", "(空: すべてのアドレス)");
    public static final Message EMPTY_BLOCKED = Message.of("notify_empty_blocked", "(none)", "(なし)");
    public static final Message AND_MORE = Message.of("notify_and_more", "{0} and {1} more", "{0} ほか {1} 件");
    public static final Message LOCKOUT_CONFIRMED = Message.of("notify_lockout_confirmed",
            "The administrator confirmed that this change may lock out their own address.",
            "管理者は、この変更で自分のアドレスが締め出される可能性を確認のうえ実行しました。");

    public static final Message OTHER = Message.of("notify_other",
            "Action {0} on {1}, result {2}, {3}.", "操作 {0} (対象 {1})、結果 {2}、{3}。");

    private NotifyText() {
    }
}
