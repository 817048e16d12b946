package dev.switchboard.connect.rules;

import dev.switchboard.core.text.Message;

/** Every word of the /connect pages ({@link ConnectIpRulesPage}), English and Japanese side by side. */
public final class ConnectText {

    public static final Message TITLE = Message.of("connect_title",
            "Amazon Connect IP rules", "Amazon Connect IP アクセス制限");
    public static final Message VPN_STATUS = Message.of("connect_vpn_status", "VPN status", "VPN の状態");
    public static final Message SIGNED_IN_AS = Message.of("connect_signed_in_as",
            "Signed in as {0}", "サインイン中: {0}");
    public static final Message CANCEL = Message.of("connect_cancel", "Cancel", "キャンセル");

    // The check page and form.
    public static final Message WOULD_BE_ALLOWED = Message.of("connect_would_be_allowed",
            "Would this address be allowed?", "このアドレスは許可されますか？");
    public static final Message PROFILE = Message.of("connect_profile", "Profile", "プロファイル");
    public static final Message BACK_TO_RULES = Message.of("connect_back_to_rules",
            "Back to the rules", "ルール一覧へ戻る");
    public static final Message CHECK = Message.of("connect_check", "Check", "確認");

    // Confirming a reset.
    public static final Message RESET_QUESTION = Message.of("connect_reset_question",
            "Reset the IP rules?", "IP 制限をリセットしますか？");
    public static final Message RESET_EXPLAINED = Message.of("connect_reset_explained",
            "Both lists of \"{0}\" will be emptied: every address may then sign in to Amazon Connect.",
            "「{0}」の許可リストとブロックリストを両方とも空にします。すべてのアドレスから Amazon Connect にサインインできるようになります。");
    public static final Message EMPTY_BOTH_LISTS = Message.of("connect_empty_both_lists",
            "Empty both lists", "両方のリストを空にする");

    // Confirming a change that would lock the admin out.
    public static final Message LOCKOUT_TITLE = Message.of("connect_lockout_title",
            "This change would lock you out", "この変更であなた自身が締め出されます");
    public static final Message LOCKOUT_EXPLAINED = Message.of("connect_lockout_explained",
            "After this change your current address {0} would be refused by Amazon Connect. Nothing was written.",
            "この変更後、あなたの現在のアドレス {0} は Amazon Connect で拒否されます。まだ何も書き込んでいません。");
    public static final Message EMERGENCY_LOGIN = Message.of("connect_emergency_login",
            "The emergency admin login from the AWS console is never IP-restricted.",
            "AWS マネジメントコンソールからの緊急管理者ログインには IP 制限は適用されません。");
    public static final Message APPLY_ANYWAY = Message.of("connect_apply_anyway", "Apply anyway", "それでも適用する");

    // What a change would do.
    public static final Message CHANGE_ALLOW = Message.of("connect_change_allow",
            "Your change: allow {0}.", "あなたの変更: {0} を許可");
    public static final Message CHANGE_BLOCK = Message.of("connect_change_block",
            "Your change: block {0}.", "あなたの変更: {0} をブロック");
    public static final Message CHANGE_REMOVE = Message.of("connect_change_remove",
            "Your change: remove {0}.", "あなたの変更: {0} を削除");
    public static final Message CHANGE_SET_SESSIONS = Message.of("connect_change_set_sessions",
            "Your change: set the session durations.", "あなたの変更: セッション時間の設定");
    public static final Message CHANGE_RESET = Message.of("connect_change_reset",
            "Your change: empty both lists.", "あなたの変更: 両方のリストを空にする");

    // The profiles table.
    public static final Message PROFILES = Message.of("connect_profiles", "Authentication profiles", "認証プロファイル");
    public static final Message INSTANCE = Message.of("connect_instance", "Instance", "インスタンス");
    public static final Message NAME = Message.of("connect_name", "Name", "名前");
    public static final Message LAST_MODIFIED = Message.of("connect_last_modified", "Last modified", "最終更新");
    public static final Message DEFAULT_SHOWN = Message.of("connect_default_shown",
            "the default profile, shown below", "デフォルトのプロファイル・表示中");
    public static final Message SHOWN = Message.of("connect_shown", "shown below", "表示中");
    public static final Message DEFAULT = Message.of("connect_default", "the default profile", "デフォルトのプロファイル");

    // The profile's details.
    public static final Message MINUTES = Message.of("connect_minutes", "{0} minutes", "{0} 分");
    public static final Message PROFILE_ID = Message.of("connect_profile_id", "Profile ID", "プロファイル ID");
    public static final Message PERIODIC_DURATION = Message.of("connect_periodic_duration",
            "Periodic session duration", "定期的な再認証の間隔 (PeriodicSessionDuration)");
    public static final Message INACTIVITY_DURATION = Message.of("connect_inactivity_duration",
            "Session inactivity duration", "非アクティブ時のタイムアウト (SessionInactivityDuration)");
    public static final Message MAX_DURATION = Message.of("connect_max_duration",
            "Maximum session duration", "最大セッション時間 (MaxSessionDuration)");
    public static final Message UNREADABLE_ENTRIES = Message.of("connect_unreadable_entries",
            "These stored entries are not plain addresses or CIDR ranges and are ignored in checks here: {0}",
            "次の登録済みエントリはアドレスまたは CIDR として読めないため、ここでの判定では無視しています: {0}");

    // The admin's own address.
    public static final Message YOUR_ADDRESS = Message.of("connect_your_address",
            "Your current address", "あなたの現在のアドレス");
    public static final Message ADDRESS_UNREADABLE = Message.of("connect_address_unreadable",
            "Your address could not be read: {0}", "アドレスを読み取れません: {0}");

    // The two lists.
    public static final Message ALLOWED_LIST = Message.of("connect_allowed_list",
            "Allowed addresses", "許可された IP (AllowedIps)");
    public static final Message BLOCKED_LIST = Message.of("connect_blocked_list",
            "Blocked addresses", "ブロックされた IP (BlockedIps)");
    public static final Message ALLOWED_EMPTY = Message.of("connect_allowed_empty",
            "Empty: every address that is not blocked may sign in.",
            "空です: ブロックされていないすべてのアドレスがサインインできます。");
    public static final Message BLOCKED_EMPTY = Message.of("connect_blocked_empty",
            "Empty: no address is blocked.", "空です: ブロックされているアドレスはありません。");
    public static final Message REMOVE = Message.of("connect_remove", "Remove", "削除");

    // Adding an entry.
    public static final Message ADD_ENTRY = Message.of("connect_add_entry",
            "Add an address or range", "アドレスまたは範囲を追加");
    public static final Message ENTRY_LABEL = Message.of("connect_entry_label",
            "IPv4 / IPv6, single or CIDR", "IPv4 / IPv6、単一アドレスまたは CIDR");
    public static final Message ALLOW = Message.of("connect_allow", "Allow", "許可");
    public static final Message BLOCK = Message.of("connect_block", "Block", "ブロック");

    // Session durations.
    public static final Message SESSION_DURATIONS = Message.of("connect_session_durations",
            "Session durations", "セッション時間");
    public static final Message PERIODIC_LABEL = Message.of("connect_periodic_label",
            "Periodic (10–60 min)", "再認証間隔 (10〜60 分)");
    public static final Message INACTIVITY_LABEL = Message.of("connect_inactivity_label",
            "Inactivity (15–720 min)", "非アクティブ (15〜720 分)");
    public static final Message SAVE = Message.of("connect_save", "Save", "保存");

    // Reset.
    public static final Message RESET = Message.of("connect_reset", "Reset", "リセット");
    public static final Message RESET_HELP = Message.of("connect_reset_help",
            "Empty both lists (you will be asked to confirm).", "両方のリストを空にします (確認があります)。");
    public static final Message RESET_BUTTON = Message.of("connect_reset_button", "Reset…", "リセット…");

    // What the rules mean.
    public static final Message RULES_TITLE = Message.of("connect_rules_title", "What the rules mean", "ルールの意味");
    public static final Message RULE_BLOCKED_WINS = Message.of("connect_rule_blocked_wins",
            "An address in any blocked entry is refused: blocked wins, even inside an allowed range.",
            "ブロックリストのいずれかに含まれるアドレスは拒否されます。許可範囲の中でもブロックが優先されます。");
    public static final Message RULE_ALLOWED_LIST = Message.of("connect_rule_allowed_list",
            "Otherwise: an empty allowed list lets everyone in; a non-empty one lets in only addresses inside its entries.",
            "それ以外の場合、許可リストが空ならすべてのアドレスが許可され、空でなければその範囲内のアドレスだけが許可されます。");

    // Why an address is allowed or refused.
    public static final Message REASON_BLOCKED_BY_ENTRY = Message.of("connect_reason_blocked_by_entry",
            "Refused: it is in the blocked entry {0} (blocked wins).",
            "拒否: ブロック対象 {0} に含まれます (ブロックが優先)。");
    public static final Message REASON_ALLOWED_LIST_EMPTY = Message.of("connect_reason_allowed_list_empty",
            "Allowed: it is not blocked and the allowed list is empty, so every address may sign in.",
            "許可: ブロックされておらず、許可リストが空なのですべてのアドレスが許可されます。");
    public static final Message REASON_ALLOWED_BY_ENTRY = Message.of("connect_reason_allowed_by_entry",
            "Allowed by the entry {0}.", "許可: 許可対象 {0} に含まれます。");
    public static final Message REASON_NOT_ALLOWED = Message.of("connect_reason_not_allowed",
            "Refused: it is in none of the allowed entries.", "拒否: 許可リストのどのエントリにも含まれません。");
    public static final Message STATE_ALLOWED = Message.of("connect_state_allowed", "Allowed", "許可");
    public static final Message STATE_REFUSED = Message.of("connect_state_refused", "Refused", "拒否");

    private ConnectText() {
    }
}
