package dev.switchboard.devserver;

import dev.switchboard.core.text.Message;

/** Every word of the sign-in stand-in and the demo panel, English and Japanese side by side. */
public final class DevServerText {

    public static final Message SIGN_IN_TITLE = Message.of("dev_sign_in_title", "Sign in", "サインイン");
    public static final Message SIGN_IN_HEADING = Message.of("dev_sign_in_heading",
            "Sign in (local stand-in for Cognito + IAM Identity Center)",
            "サインイン（Cognito + IAM Identity Center のローカル代役）");
    public static final Message SIGN_IN_HELP = Message.of("dev_sign_in_help",
            "Pick a demo user. The dev server signs x-amzn-oidc-data for them exactly as ALB does. "
                    + "The pages speak your browser's language.",
            "デモユーザーを選んでください。開発サーバーが ALB と同じ方法で x-amzn-oidc-data に署名します。"
                    + "ページはブラウザーの言語で表示されます。");
    public static final Message ROLE_EMPLOYEE = Message.of("dev_role_employee", "Employee", "社員");
    public static final Message ROLE_ADMIN = Message.of("dev_role_admin",
            "Administrator (in ADMIN_EMAILS)", "管理者（ADMIN_EMAILS に登録）");
    public static final Message ROLE_SECOND_EMPLOYEE = Message.of("dev_role_second_employee",
            "Another employee", "別の社員");
    public static final Message TO_DEMO_PANEL = Message.of("dev_to_demo_panel",
            "Demo controls: connect VPN clients, run the schedules, move the clock",
            "デモ操作: VPN クライアントの接続、スケジュールの実行、時計を進める");
    public static final Message UNKNOWN_USER = Message.of("dev_unknown_user", "Unknown demo user.", "不明なデモユーザーです。");

    public static final Message PANEL_TITLE = Message.of("dev_panel_title", "Demo controls", "デモ操作");
    public static final Message PANEL_HELP = Message.of("dev_panel_help",
            "What the AWS VPN Client and EventBridge Scheduler do around the portal, and one clock for the whole "
                    + "local stack. Open the portal in another tab to watch.",
            "ポータルの周りで AWS VPN Client と EventBridge Scheduler が行うことと、ローカル環境全体で共有する時計です。"
                    + "別のタブでポータルを開いて様子を見てください。");
    public static final Message NOW = Message.of("dev_now", "Local time now: {0} ({1})", "現在の時刻: {0}（{1}）");
    public static final Message ACT_CONNECT = Message.of("dev_act_connect", "Connect a VPN client", "VPN クライアントを接続する");
    public static final Message ACT_DISCONNECT = Message.of("dev_act_disconnect",
            "Disconnect every demo client", "デモクライアントをすべて切断する");
    public static final Message ACT_IDLE = Message.of("dev_act_idle",
            "Run the idle check (every few minutes on AWS)", "アイドルチェックを実行する（AWS では数分ごと）");
    public static final Message ACT_NIGHTLY = Message.of("dev_act_nightly",
            "Run the nightly turn-off now", "夜間の自動オフを今すぐ実行する");
    public static final Message ACT_FORCE = Message.of("dev_act_force",
            "Force the turn-off now (cuts connections)", "今すぐ強制オフにする（接続を切断）");
    public static final Message ACT_ADVANCE_10_MINUTES = Message.of("dev_act_advance_10_minutes",
            "Advance the clock 10 minutes", "時計を 10 分進める");
    public static final Message ACT_ADVANCE_1_HOUR = Message.of("dev_act_advance_1_hour",
            "Advance the clock 1 hour", "時計を 1 時間進める");
    public static final Message CONNECTED = Message.of("dev_connected",
            "A VPN client connected ({0}).", "VPN クライアントが接続しました（{0}）。");
    public static final Message DISCONNECTED = Message.of("dev_disconnected",
            "{0} connection(s) ended.", "{0} 件の接続を終了しました。");
    public static final Message ADVANCED = Message.of("dev_advanced",
            "The clock moved {0} minutes for the emulator and the functions together.",
            "エミュレーターと関数で共有する時計を {0} 分進めました。");
    public static final Message UNKNOWN_ACTION = Message.of("dev_unknown_action", "Unknown action.", "不明な操作です。");
    public static final Message LAST_RESULT = Message.of("dev_last_result", "Last result", "直前の結果");
    public static final Message LINK_PORTAL = Message.of("dev_link_portal", "VPN status", "VPN の状態");
    public static final Message LINK_CONNECT = Message.of("dev_link_connect", "Connect rules", "Connect のルール");
    public static final Message LINK_SIGN_IN = Message.of("dev_link_sign_in", "Sign in as someone else", "別のユーザーでサインイン");

    private DevServerText() {
    }
}
