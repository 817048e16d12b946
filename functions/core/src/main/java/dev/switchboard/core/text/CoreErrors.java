package dev.switchboard.core.text;

/** Errors the shared layers raise: identity, request plumbing, JSON reading, direct-command envelope. */
public final class CoreErrors {

    public static final ErrorCode UNAUTHENTICATED = ErrorCode.of("unauthenticated", Problem.UNAUTHENTICATED,
            "Your sign-in could not be verified. Reload the page to sign in again.",
            "サインインを確認できませんでした。ページを再読み込みして、もう一度サインインしてください。");
    public static final ErrorCode IDENTITY_KEYS_UNAVAILABLE = ErrorCode.of("identity_keys_unavailable",
            Problem.UNAVAILABLE,
            "Sign-in cannot be checked right now. Please try again in a minute.",
            "現在サインインを確認できません。1 分ほどしてから再度お試しください。");
    public static final ErrorCode PAYLOAD_TOO_LARGE = ErrorCode.of("payload_too_large", Problem.TOO_LARGE,
            "The request is too large.",
            "リクエストが大きすぎます。");
    public static final ErrorCode MALFORMED_BODY = ErrorCode.of("malformed_body", Problem.INVALID,
            "The request body could not be read.",
            "リクエストの本文を読み取れませんでした。");
    public static final ErrorCode MALFORMED_QUERY = ErrorCode.of("malformed_query", Problem.INVALID,
            "The address contains a malformed parameter.",
            "アドレスに不正なパラメーターが含まれています。");
    public static final ErrorCode INVALID_REQUESTED_BY = ErrorCode.of("invalid_requested_by", Problem.INVALID,
            "requestedBy must be 1-128 letters, digits, spaces or @ . _ : + / - (e.g. an e-mail address).",
            "requestedBy は 1〜128 文字の英字・数字・空白または @ . _ : + / - で指定してください (例: メールアドレス)。");
    public static final ErrorCode NOT_FOUND = ErrorCode.of("not_found", Problem.NOT_FOUND,
            "There is no page at this address.",
            "このアドレスにはページがありません。");
    public static final ErrorCode METHOD_NOT_ALLOWED = ErrorCode.of("method_not_allowed", Problem.METHOD_NOT_ALLOWED,
            "This address does not take {0} requests.",
            "このアドレスは {0} リクエストを受け付けません。");
    public static final ErrorCode CROSS_SITE = ErrorCode.of("cross_site", Problem.FORBIDDEN,
            "Changes are accepted only from this site's own pages. Open the page and use its button.",
            "変更はこのサイト自身のページからのみ受け付けます。ページを開いて、そのボタンを使ってください。");
    public static final ErrorCode MALFORMED_JSON = ErrorCode.of("malformed_json", Problem.INVALID,
            "{0} is not valid JSON.",
            "{0}が正しい JSON ではありません。");
    public static final ErrorCode NOT_JSON_OBJECT = ErrorCode.of("not_json_object", Problem.INVALID,
            "{0} must be a JSON object.",
            "{0}は JSON オブジェクトである必要があります。");
    public static final ErrorCode DUPLICATE_KEY = ErrorCode.of("duplicate_key", Problem.INVALID,
            "{0} has the field \"{1}\" more than once; send each field once. Nothing was done.",
            "{0}にフィールド \"{1}\" が複数回含まれています。各フィールドは 1 回だけ送ってください。何も実行していません。");
    public static final ErrorCode TRAILING_CONTENT = ErrorCode.of("trailing_content", Problem.INVALID,
            "{0} has more content after its JSON object; send exactly one object. Nothing was done.",
            "{0}の JSON オブジェクトの後に余分な内容があります。オブジェクトを 1 つだけ送ってください。何も実行していません。");
    public static final ErrorCode MISSING_COMMAND = ErrorCode.of("missing_command", Problem.INVALID,
            "The event names no command. Send {\"command\":\"...\"} with one of: {0}.",
            "イベントにコマンドがありません。{\"command\":\"...\"} で次のいずれかを指定してください: {0}。");
    public static final ErrorCode UNKNOWN_COMMAND = ErrorCode.of("unknown_command", Problem.INVALID,
            "Unknown command \"{0}\". Use one of: {1}.",
            "不明なコマンド \"{0}\" です。次のいずれかを指定してください: {1}。");
    public static final ErrorCode AMBIGUOUS_COMMAND = ErrorCode.of("ambiguous_command", Problem.INVALID,
            "The event names its command twice, as \"command\" and as \"{0}\" (its older name). Send only \"command\".",
            "イベントにコマンドが \"command\" と旧名 \"{0}\" の 2 つで指定されています。\"command\" だけを送ってください。");
    public static final ErrorCode INVALID_COMMAND_FIELD = ErrorCode.of("invalid_command_field", Problem.INVALID,
            "\"{0}\" must be a string naming the command.",
            "\"{0}\" にはコマンド名を文字列で指定してください。");
    public static final ErrorCode UNKNOWN_FIELD = ErrorCode.of("unknown_field", Problem.INVALID,
            "Unknown field \"{0}\": nothing was done (a misspelt field is refused rather than ignored).",
            "不明なフィールド \"{0}\" です。何も実行していません (綴りの誤りは無視せず拒否します)。");
    public static final ErrorCode ALB_NOT_SUPPORTED = ErrorCode.of("alb_not_supported", Problem.INVALID,
            "This function is not behind the load balancer: it takes scheduled or direct events only.",
            "この関数はロードバランサーの背後にありません。スケジュールまたは直接のイベントのみを受け付けます。");
    public static final ErrorCode UNSUPPORTED_EVENT = ErrorCode.of("unsupported_event", Problem.INVALID,
            "Only EventBridge \"Scheduled Event\" events from aws.events are accepted in this envelope.",
            "この形式では aws.events からの EventBridge \"Scheduled Event\" イベントのみを受け付けます。");
    public static final ErrorCode INTERNAL_ERROR = ErrorCode.of("internal_error", Problem.INTERNAL,
            "An unexpected error occurred. Please tell IT the time it happened.",
            "予期しないエラーが発生しました。発生時刻を IT 担当者に伝えてください。");

    private CoreErrors() {
    }
}
