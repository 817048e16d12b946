package dev.switchboard.vpn.portal;

import dev.switchboard.core.text.Message;

/** Every word of the employee page ({@link StatusPage}), English and Japanese side by side. */
public final class PortalText {

    public static final Message PAGE_TITLE = Message.of("portal_page_title", "VPN status", "VPN の状態");
    public static final Message HEADING = Message.of("portal_heading", "Company VPN", "社内 VPN");

    public static final Message STATE_OFF = Message.of("portal_state_off", "Off", "オフ");
    public static final Message STATE_TURNING_ON = Message.of("portal_state_turning_on", "Turning on…", "オンにしています…");
    public static final Message STATE_READY = Message.of("portal_state_ready", "Ready", "接続できます");
    public static final Message STATE_TURNING_OFF = Message.of("portal_state_turning_off", "Turning off…", "オフにしています…");

    public static final Message HELP_OFF = Message.of("portal_help_off",
            "The VPN is off. Turning it on usually takes 5–10 minutes.",
            "VPN はオフです。オンにするには通常 5〜10 分かかります。");
    public static final Message HELP_TURNING_ON = Message.of("portal_help_turning_on",
            "This usually takes 5–10 minutes. You can connect when this page says Ready.",
            "通常 5〜10 分かかります。「接続できます」と表示されたら接続してください。");
    public static final Message HELP_READY = Message.of("portal_help_ready",
            "You can connect now with the AWS VPN Client.", "AWS VPN Client で接続できます。");
    public static final Message HELP_TURNING_OFF = Message.of("portal_help_turning_off",
            "The VPN is being turned off and connections are ending. You can turn it on again once it is off.",
            "VPN をオフにしています。接続は切断されます。オフになった後で再度オンにできます。");

    public static final Message TURN_ON = Message.of("portal_turn_on", "Turn the VPN on", "VPN をオンにする");
    public static final Message RETRY_FAILED = Message.of("portal_retry_failed",
            "Try the failed subnets again", "失敗したサブネットを再試行する");
    public static final Message SUBNET_FAILED = Message.of("portal_subnet_failed",
            "Subnet {0} could not be connected to the VPN, even after a retry. Please tell IT.",
            "サブネット {0} を VPN に関連付けできませんでした（再試行済み）。IT 担当者に連絡してください。");

    public static final Message SUBNETS = Message.of("portal_subnets", "Subnets", "サブネット");
    public static final Message SUBNET_ASSOCIATED = Message.of("portal_subnet_associated", "associated", "関連付け済み");
    public static final Message SUBNET_ASSOCIATING = Message.of("portal_subnet_associating", "associating", "関連付け中");
    public static final Message SUBNET_DISASSOCIATING = Message.of("portal_subnet_disassociating",
            "disassociating", "関連付け解除中");
    public static final Message SUBNET_FAILED_LABEL = Message.of("portal_subnet_failed_label", "failed", "失敗");
    public static final Message SUBNET_NOT_ASSOCIATED = Message.of("portal_subnet_not_associated",
            "not associated", "未関連付け");

    public static final Message TURNED_ON_BY = Message.of("portal_turned_on_by", "Turned on by", "オンにした人");
    public static final Message TURNED_OFF = Message.of("portal_turned_off", "Turned off", "オフになった経緯");
    public static final Message TURNS_OFF = Message.of("portal_turns_off", "Turns off", "自動オフ");

    public static final Message CONNECTED_NOW = Message.of("portal_connected_now", "Connected now", "接続中");
    public static final Message ONE_PERSON = Message.of("portal_one_person", "1 person", "1 人");
    public static final Message PEOPLE = Message.of("portal_people", "{0} people", "{0} 人");
    public static final Message COST_WHILE_ON = Message.of("portal_cost_while_on", "Cost while on", "オン中の料金");
    public static final Message COST_PER_HOUR = Message.of("portal_cost_per_hour",
            "about USD {0} per hour", "1 時間あたり約 {0} USD");

    public static final Message ADMINISTRATOR = Message.of("portal_administrator", "Administrator", "管理者");
    public static final Message USER = Message.of("portal_user", "User", "ユーザー");
    public static final Message CONNECTED_SINCE = Message.of("portal_connected_since", "Connected since", "接続開始");
    public static final Message OFF_NOW_ENDS_ONE = Message.of("portal_off_now_ends_one",
            "Turning the VPN off now ends 1 active connection.", "今すぐ VPN をオフにすると、接続中の 1 件の接続が切断されます。");
    public static final Message OFF_NOW_ENDS = Message.of("portal_off_now_ends",
            "Turning the VPN off now ends {0} active connections.", "今すぐ VPN をオフにすると、接続中の {0} 件の接続が切断されます。");
    public static final Message I_UNDERSTAND = Message.of("portal_i_understand", "I understand", "理解しました");
    public static final Message TURN_OFF_NOW = Message.of("portal_turn_off_now", "Turn off now", "今すぐオフにする");
    public static final Message CONNECT_RULES = Message.of("portal_connect_rules",
            "Amazon Connect IP rules", "Amazon Connect IP アクセス制限");

    public static final Message CHECKED_AT = Message.of("portal_checked_at", "Checked at {0} ({1})", "確認時刻 {0}（{1}）");
    public static final Message REFRESHES = Message.of("portal_refreshes",
            " · this page refreshes itself", " · このページは自動で更新されます");

    private PortalText() {
    }
}
