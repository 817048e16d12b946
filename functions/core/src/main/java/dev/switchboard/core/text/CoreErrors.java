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
    public static final ErrorCode INTERNAL_ERROR = ErrorCode.of("internal_error", Problem.INTERNAL,
            "An unexpected error occurred. Please tell IT the time it happened.",
            "予期しないエラーが発生しました。発生時刻を IT 担当者に伝えてください。");

    private CoreErrors() {
    }
}
