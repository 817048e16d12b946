package dev.switchboard.core.text;

/** Words of the shared error page. */
public final class CoreText {

    public static final Message TITLE_INVALID = Message.of("title_invalid",
            "That request could not be used", "リクエストを処理できません");
    public static final Message TITLE_UNAUTHENTICATED = Message.of("title_unauthenticated",
            "Please sign in again", "もう一度サインインしてください");
    public static final Message TITLE_FORBIDDEN = Message.of("title_forbidden",
            "Not allowed", "権限がありません");
    public static final Message TITLE_NOT_FOUND = Message.of("title_not_found",
            "Not found", "見つかりません");
    public static final Message TITLE_METHOD_NOT_ALLOWED = Message.of("title_method_not_allowed",
            "That address does not take this request", "このアドレスはこのリクエストを受け付けません");
    public static final Message TITLE_CONFLICT = Message.of("title_conflict",
            "Someone else changed this", "他の人が変更しました");
    public static final Message TITLE_TOO_LARGE = Message.of("title_too_large",
            "The request is too large", "リクエストが大きすぎます");
    public static final Message TITLE_UNAVAILABLE = Message.of("title_unavailable",
            "Temporarily unavailable — try again in a minute", "一時的に利用できません。1 分ほどしてから再度お試しください");
    public static final Message TITLE_MISCONFIGURED = Message.of("title_misconfigured",
            "Switchboard is misconfigured — please tell IT", "設定に問題があります。IT 担当者に連絡してください");
    public static final Message TITLE_INTERNAL = Message.of("title_internal",
            "Something went wrong", "問題が発生しました");
    public static final Message BACK = Message.of("back",
            "Go back", "前のページに戻る");
    public static final Message BACK_HINT = Message.of("back_hint",
            "Your browser's Back button returns to the page you came from with what you typed.",
            "ブラウザーの「戻る」で、入力した内容が残った元のページに戻れます。");
    public static final Message TO_HOME = Message.of("to_home",
            "Open the current state", "現在の状態を表示");

    /** What was read, for the JSON errors ({@code {0}}). */
    public static final Message THE_EVENT = Message.of("the_event", "The event", "イベント");
    public static final Message THE_REQUEST_BODY = Message.of("the_request_body", "The request body", "リクエストの本文");
    public static final Message THE_EVENT_DETAIL = Message.of("the_event_detail", "The event's detail", "イベントの detail");

    private CoreText() {
    }
}
