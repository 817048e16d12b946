package dev.switchboard.connect.rules;

import dev.switchboard.core.text.ErrorCode;
import dev.switchboard.core.text.Message;
import dev.switchboard.core.text.Problem;

/** What the Connect rules function refuses, and why, in both languages. */
public final class ConnectErrors {

    // ---- who may use it
    public static final ErrorCode CONNECT_ADMIN_ONLY = ErrorCode.of("connect_admin_only", Problem.FORBIDDEN,
            "Only Amazon Connect administrators (ADMIN_EMAILS) may use this page.",
            "このページは Amazon Connect の管理者（ADMIN_EMAILS）だけが使えます。");

    // ---- entries and addresses
    public static final ErrorCode EMPTY_ENTRY = ErrorCode.of("empty_entry", Problem.INVALID,
            "An entry is empty: give an IPv4 or IPv6 address or CIDR range.",
            "エントリが空です。IPv4 / IPv6 アドレスまたは CIDR 範囲を指定してください。");
    public static final ErrorCode NO_ENTRY = ErrorCode.of("no_entry", Problem.INVALID,
            "Give an IPv4 or IPv6 address or CIDR range to {0}.",
            "{0}する IPv4 / IPv6 アドレスまたは CIDR 範囲を指定してください。");
    public static final ErrorCode ENTRY_TOO_LONG = ErrorCode.of("entry_too_long", Problem.INVALID,
            "'{0}' is longer than {1} characters, so it is not an address or range Connect accepts.",
            "'{0}' は {1} 文字を超えているため、Connect が受け付けるアドレスや範囲ではありません。");
    public static final ErrorCode INVALID_ENTRY = ErrorCode.of("invalid_entry", Problem.INVALID,
            "'{0}' is not an IPv4 or IPv6 address or CIDR range (examples: 203.0.113.7, 203.0.113.0/24, 2001:db8::/32).",
            "'{0}' は IPv4 / IPv6 アドレスでも CIDR 範囲でもありません (例: 203.0.113.7、203.0.113.0/24、2001:db8::/32)。");
    public static final ErrorCode IPV4_MAPPED_ENTRY = ErrorCode.of("ipv4_mapped_entry", Problem.INVALID,
            "'{0}' is an IPv4 address written as IPv6: write it as IPv4.",
            "'{0}' は IPv6 形式で書かれた IPv4 アドレスです。IPv4 形式で書いてください。");
    public static final ErrorCode NO_ADDRESS = ErrorCode.of("no_address", Problem.INVALID,
            "Give an IPv4 or IPv6 address to check.",
            "確認する IPv4 または IPv6 アドレスを指定してください。");
    public static final ErrorCode INVALID_ADDRESS = ErrorCode.of("invalid_address", Problem.INVALID,
            "'{0}' is not an IPv4 or IPv6 address.",
            "'{0}' は IPv4 / IPv6 アドレスではありません。");
    public static final ErrorCode ADDRESS_IS_RANGE = ErrorCode.of("address_is_range", Problem.INVALID,
            "'{0}' is a range: give a single address.",
            "'{0}' は範囲です。単一のアドレスを指定してください。");
    public static final ErrorCode ENTRY_GIVEN_TWICE = ErrorCode.of("entry_given_twice", Problem.INVALID,
            "{0} is given twice in this request.",
            "{0} がこのリクエストで 2 回指定されています。");
    public static final ErrorCode DUPLICATE_ENTRY = ErrorCode.of("duplicate_entry", Problem.INVALID,
            "{0} is already in {1}; nothing was changed.",
            "{0} はすでに{1}にあります。何も変更していません。");
    public static final ErrorCode ENTRY_IN_OTHER_LIST = ErrorCode.of("entry_in_other_list", Problem.INVALID,
            "{0} is in {1}; remove it there first. Nothing was changed.",
            "{0} は{1}にあります。先にそちらから削除してください。何も変更していません。");
    public static final ErrorCode ENTRY_NOT_FOUND = ErrorCode.of("entry_not_found", Problem.INVALID,
            "{0} is not in {1}; nothing was changed.",
            "{0} は{1}にありません。何も変更していません。");
    public static final Message THE_ALLOWED_LIST = Message.of("the_allowed_list",
            "the allowed list", "許可リスト");
    public static final Message THE_BLOCKED_LIST = Message.of("the_blocked_list",
            "the blocked list", "ブロックリスト");
    public static final Message EITHER_LIST = Message.of("either_list",
            "either list", "どちらのリスト");

    // ---- the request's other fields
    public static final ErrorCode INVALID_ENTRIES = ErrorCode.of("invalid_entries", Problem.INVALID,
            "'{0}' must be {1}.",
            "'{0}' は{1}で指定してください。");
    public static final Message AN_ARRAY_OF_STRINGS = Message.of("an_array_of_strings",
            "an array of strings", "文字列の配列");
    public static final Message A_STRING = Message.of("a_string",
            "a string", "文字列");
    public static final ErrorCode INVALID_FIELD = ErrorCode.of("invalid_field", Problem.INVALID,
            "'{0}' must be a string.",
            "'{0}' は文字列で指定してください。");
    public static final ErrorCode UNKNOWN_LIST = ErrorCode.of("unknown_list", Problem.INVALID,
            "The list must be 'allowed' or 'blocked'.",
            "リストは 'allowed' または 'blocked' で指定してください。");
    public static final ErrorCode UNKNOWN_OPERATION = ErrorCode.of("unknown_operation", Problem.INVALID,
            "Unknown change '{0}': use one of {1}.",
            "不明な変更 '{0}' です。次のいずれかを指定してください: {1}。");
    public static final ErrorCode INVALID_PROFILE = ErrorCode.of("invalid_profile", Problem.INVALID,
            "'{0}' is not an authentication profile id.",
            "'{0}' は認証プロファイル ID ではありません。");
    public static final ErrorCode MISSING_LAST_MODIFIED = ErrorCode.of("missing_last_modified", Problem.INVALID,
            "The form is incomplete (no lastModified). Reload the page and try again.",
            "フォームが不完全です (lastModified がありません)。ページを再読み込みして、もう一度お試しください。");
    public static final ErrorCode INVALID_LAST_MODIFIED = ErrorCode.of("invalid_last_modified", Problem.INVALID,
            "The last-modified time is not an ISO-8601 instant. Reload the page and try again.",
            "最終更新時刻が ISO-8601 形式ではありません。ページを再読み込みして、もう一度お試しください。");
    public static final ErrorCode MISSING_DURATION = ErrorCode.of("missing_duration", Problem.INVALID,
            "Give periodicSessionDuration and/or sessionInactivityDuration (minutes).",
            "periodicSessionDuration と sessionInactivityDuration の少なくとも一方を (分単位で) 指定してください。");
    public static final ErrorCode DURATION_OUT_OF_RANGE = ErrorCode.of("duration_out_of_range", Problem.INVALID,
            "{0} must be between {1} and {2} minutes (got {3}).",
            "{0} は {1}〜{2} 分の範囲で指定してください (指定値: {3})。");
    public static final ErrorCode INVALID_DURATION = ErrorCode.of("invalid_duration", Problem.INVALID,
            "{0} must be a whole number of minutes.",
            "{0} は分単位の整数で指定してください。");
    public static final ErrorCode RESET_NOT_CONFIRMED = ErrorCode.of("reset_not_confirmed", Problem.INVALID,
            "Resetting empties both lists: confirm it (confirm=yes).",
            "リセットすると両方のリストが空になります。確認してください (confirm=yes)。");

    // ---- the profile moved on, or the change would lock the admin out
    public static final ErrorCode STALE_PROFILE = ErrorCode.of("stale_profile", Problem.CONFLICT,
            "Someone changed this authentication profile after your page was loaded. "
                    + "Nothing was written; check the current lists and apply your change again.",
            "このページを開いた後に他の人が認証プロファイルを変更しました。"
                    + "何も書き込んでいません。現在のリストを確認して、もう一度変更してください。");
    public static final ErrorCode WOULD_LOCK_OUT = ErrorCode.of("would_lock_out", Problem.CONFLICT,
            "After this change your own address {0} would be refused by Amazon Connect. "
                    + "Nothing was written; confirm to apply it anyway.",
            "この変更を適用すると、あなた自身のアドレス {0} が Amazon Connect に拒否されます。"
                    + "何も書き込んでいません。それでも適用する場合は確認してください。");

    // ---- Amazon Connect's answers
    public static final ErrorCode UNKNOWN_PROFILE = ErrorCode.of("unknown_profile", Problem.NOT_FOUND,
            "Amazon Connect has no authentication profile '{0}' in instance {1}.",
            "Amazon Connect のインスタンス {1} に認証プロファイル '{0}' はありません。");
    public static final ErrorCode UNKNOWN_INSTANCE = ErrorCode.of("unknown_instance", Problem.NOT_FOUND,
            "Amazon Connect has no instance {0} (check CONNECT_INSTANCE_ID).",
            "Amazon Connect にインスタンス {0} はありません (CONNECT_INSTANCE_ID を確認してください)。");
    public static final ErrorCode NO_DEFAULT_PROFILE = ErrorCode.of("no_default_profile", Problem.MISCONFIGURED,
            "Connect instance {0} has no default authentication profile; set CONNECT_AUTHENTICATION_PROFILE_ID. "
                    + "Please tell IT.",
            "Connect インスタンス {0} にデフォルトの認証プロファイルがありません。"
                    + "CONNECT_AUTHENTICATION_PROFILE_ID を設定してください。IT 担当者に連絡してください。");
    public static final ErrorCode CONNECT_EMPTY_ANSWER = ErrorCode.of("connect_empty_answer", Problem.UNAVAILABLE,
            "Amazon Connect answered without the authentication profile. Try again in a minute.",
            "Amazon Connect の応答に認証プロファイルが含まれていませんでした。1 分ほどしてから再度お試しください。");
    public static final ErrorCode CONNECT_UNREACHABLE = ErrorCode.of("connect_unreachable", Problem.UNAVAILABLE,
            "Amazon Connect could not be reached. Try again in a minute.",
            "Amazon Connect に接続できませんでした。1 分ほどしてから再度お試しください。");
    public static final ErrorCode CONNECT_FAILED = ErrorCode.of("connect_failed", Problem.UNAVAILABLE,
            "Amazon Connect did not answer as expected. Try again in a minute.",
            "Amazon Connect から想定どおりの応答がありませんでした。1 分ほどしてから再度お試しください。");
    public static final ErrorCode CONNECT_THROTTLED = ErrorCode.of("connect_throttled", Problem.UNAVAILABLE,
            "Amazon Connect is limiting requests right now (it was retried). Try again in a minute.",
            "Amazon Connect が現在リクエストを制限しています (再試行済み)。1 分ほどしてから再度お試しください。");
    public static final ErrorCode CONNECT_UNAVAILABLE = ErrorCode.of("connect_unavailable", Problem.UNAVAILABLE,
            "Amazon Connect is not available right now. Try again in a minute.",
            "Amazon Connect は現在利用できません。1 分ほどしてから再度お試しください。");
    public static final ErrorCode CONNECT_REJECTED = ErrorCode.of("connect_rejected", Problem.INVALID,
            "Amazon Connect refused this request as invalid; nothing was changed.",
            "Amazon Connect がこのリクエストを無効として拒否しました。何も変更していません。");
    public static final ErrorCode CONNECT_ERROR = ErrorCode.of("connect_error", Problem.MISCONFIGURED,
            "Amazon Connect refused the request ({0}). Please tell IT.",
            "Amazon Connect がリクエストを拒否しました ({0})。IT 担当者に連絡してください。");
    public static final ErrorCode CONNECT_ACCESS_DENIED = ErrorCode.of("connect_access_denied", Problem.FORBIDDEN,
            "The function's IAM role may not call connect:{0}. Please tell IT to allow it in the function's policy.",
            "この関数の IAM ロールには connect:{0} を呼び出す権限がありません。"
                    + "関数のポリシーで許可するよう IT 担当者に連絡してください。");
    public static final ErrorCode CONNECT_PREVIEW_DENIED = ErrorCode.of("connect_preview_denied", Problem.FORBIDDEN,
            "Amazon Connect refused access to authentication profiles. The preview API is probably not enabled "
                    + "for this AWS account (AWS Support enables it on request); an organisation policy could also "
                    + "deny it. Please tell IT.",
            "Amazon Connect が認証プロファイルへのアクセスを拒否しました。この AWS アカウントではプレビュー API が"
                    + "有効になっていない可能性があります (AWS サポートに依頼すると有効になります)。組織のポリシーで"
                    + "拒否されている可能性もあります。IT 担当者に連絡してください。");

    private ConnectErrors() {
    }
}
