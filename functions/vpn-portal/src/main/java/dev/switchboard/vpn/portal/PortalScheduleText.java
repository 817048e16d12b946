package dev.switchboard.vpn.portal;

import dev.switchboard.core.text.Message;

/** The page's words for when the VPN turns off and what the month has cost (see {@link TurnOffPlan}). */
public final class PortalScheduleText {

    public static final Message IDLE = Message.of("turn_off_idle",
            "after {0} minutes with nobody connected ({1} minutes after a turn-on if nobody connects)",
            "接続している人がいない状態が {0} 分続いたとき（オンにした後だれも接続しなければ {1} 分後）");
    public static final Message NIGHTLY = Message.of("turn_off_nightly",
            "at {0} ({1}) if nobody is connected, otherwise {2} minutes after the last person disconnects",
            "{0}（{1}）にだれも接続していなければその時点で、接続中の人がいれば最後の人が切断してから {2} 分後");
    public static final Message TONIGHT_WAITING = Message.of("turn_off_tonight_waiting",
            "the nightly turn-off is waiting for the last person: {0} minutes after nobody is connected",
            "今夜の自動オフは最後の人の切断を待っています：だれも接続していない状態が {0} 分続いたとき");
    public static final Message DEADLINE = Message.of("turn_off_deadline",
            "at {0} at the latest, even with people connected",
            "接続中の人がいても遅くとも {0} に");
    public static final Message ADMIN_ONLY = Message.of("turn_off_admin_only",
            "only when an administrator turns it off", "管理者がオフにしたときのみ");
    public static final Message SEPARATOR = Message.of("turn_off_separator", "; or ", "。または ");
    public static final Message DEADLINE_WARNING = Message.of("turn_off_deadline_warning",
            "The VPN will be turned off at {0} even if you are connected: save your work before then.",
            "VPN は接続中でも {0} にオフになります。それまでに作業を保存してください。");

    public static final Message MONTH_TITLE = Message.of("month_cost_title",
            "This month so far", "今月これまで");
    public static final Message MONTH_COST = Message.of("month_cost",
            "{0} association-hours since {1}: about USD {2}. Always on would have cost about USD {3} ({4} hours).",
            "{1} 以降の関連付け時間 {0} 時間：約 {2} USD。常時オンなら約 {3} USD（{4} 時間）でした。");
    public static final Message MONTH_EXCLUDES = Message.of("month_cost_excludes",
            "Association charges only, from the turn-ons and turn-offs Switchboard made: the per-connection charge "
                    + "(about USD 0.05 per connection-hour) is not included.",
            "Switchboard が行ったオン・オフから計算した関連付けの料金のみです。接続ごとの料金（1 接続時間あたり約 0.05 USD）は含みません。");

    private PortalScheduleText() {
    }
}
