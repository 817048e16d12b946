package dev.switchboard.vpn.portal;

import dev.switchboard.core.text.Message;

/**
 * What an admin reads when a turn-off happened but not everything after it did: the turn-off is not undone by
 * any of it, so these are notices on a 200 answer, not errors.
 */
public final class TurnOffText {

    public static final Message TITLE = Message.of("turn_off_started_title",
            "The VPN is turning off", "VPN をオフにしています");
    public static final Message DETAIL = Message.of("turn_off_started_detail",
            "Disconnecting {0}; {1} active connection(s) are being cut.",
            "{0} を切断しています。接続中の {1} 件の接続が切断されます。");
    public static final Message SUBNETS_REFUSED = Message.of("turn_off_subnets_refused",
            "EC2 refused to disconnect {0}: it is still on (and billed). Try turning it off again in a minute.",
            "{0} の切断を EC2 が受け付けませんでした。まだオンのままです（課金も続きます）。1 分ほどしてから再度オフにしてください。");
    public static final Message NOT_RECORDED = Message.of("turn_off_not_recorded",
            "Recording who turned it off on the VPN failed; the audit log has your name.",
            "VPN に「誰がオフにしたか」を記録できませんでした。監査ログにはあなたの名前が記録されています。");
    public static final Message SEE_STATUS = Message.of("turn_off_see_status",
            "See where it stands", "現在の状態を見る");

    private TurnOffText() {
    }
}
