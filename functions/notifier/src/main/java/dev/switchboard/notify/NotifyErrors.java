package dev.switchboard.notify;

import dev.switchboard.core.text.ErrorCode;
import dev.switchboard.core.text.Problem;

/** Why an event or an audit line was refused (nothing is published then), and why publishing failed. */
public final class NotifyErrors {

    public static final ErrorCode NOT_LOGS_EVENT = ErrorCode.of("not_logs_event", Problem.INVALID,
            "The event is not a CloudWatch Logs subscription event: send {\"awslogs\":{\"data\":\"...\"}} only. Nothing was published.",
            "イベントが CloudWatch Logs のサブスクリプションイベントではありません。{\"awslogs\":{\"data\":\"...\"}} だけを送ってください。何も発行していません。");
    public static final ErrorCode BAD_BASE64 = ErrorCode.of("bad_base64", Problem.INVALID,
            "\"awslogs.data\" is not base64. Nothing was published.",
            "\"awslogs.data\" が base64 ではありません。何も発行していません。");
    public static final ErrorCode BAD_GZIP = ErrorCode.of("bad_gzip", Problem.INVALID,
            "\"awslogs.data\" is not gzip data. Nothing was published.",
            "\"awslogs.data\" が gzip データではありません。何も発行していません。");
    public static final ErrorCode DATA_TOO_LARGE = ErrorCode.of("data_too_large", Problem.TOO_LARGE,
            "\"awslogs.data\" unpacks to more than {0} bytes. Nothing was published.",
            "\"awslogs.data\" を展開すると {0} バイトを超えます。何も発行していません。");
    public static final ErrorCode BAD_LOGS_DATA = ErrorCode.of("bad_logs_data", Problem.INVALID,
            "The log data is not what CloudWatch Logs sends: {0}. Nothing was published.",
            "ログデータが CloudWatch Logs の送る形式ではありません: {0}。何も発行していません。");
    public static final ErrorCode BAD_AUDIT_LINE = ErrorCode.of("bad_audit_line", Problem.INVALID,
            "Log event {0} is not a valid audit line: {1}. Nothing was published.",
            "ログイベント {0} は正しい監査ログ行ではありません: {1}。何も発行していません。");
    public static final ErrorCode PUBLISH_FAILED = ErrorCode.of("publish_failed", Problem.UNAVAILABLE,
            "SNS did not accept notification {0} of {1} (error {2}); the invocation fails so that Lambda retries it.",
            "SNS が通知 {1} 件中 {0} 件目を受け付けませんでした (エラー {2})。Lambda が再試行するよう、呼び出しを失敗させます。");

    private NotifyErrors() {
    }
}
