package dev.switchboard.vpn.portal;

import dev.switchboard.core.http.AlbResponse;
import dev.switchboard.core.http.HtmlPage;
import dev.switchboard.core.http.Lang;
import dev.switchboard.core.identity.Employee;
import dev.switchboard.vpn.Association;
import dev.switchboard.vpn.Connection;
import dev.switchboard.vpn.UsageLedger;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The employee page in English or Japanese. Every dynamic value goes through {@link HtmlPage#text} /
 * {@link HtmlPage#attr}. Plain markup on the shared stylesheet, so it reads on a phone.
 */
final class StatusPage {

    /**
     * The read-only address of this page: it reloads itself here while EC2 is still working, and every link
     * and redirect leads here, never to {@code /}, which turns the VPN on.
     */
    static final String REFRESH_URL = "/status";
    static final int REFRESH_SECONDS = 15;

    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter JA_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日(E) HH:mm", Locale.JAPANESE);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private StatusPage() {
    }

    static AlbResponse render(VpnStatus s, Employee employee, boolean admin, Lang lang) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<div class=\"card\"><h1>").append(t(lang.pick("Company VPN", "社内 VPN"))).append("</h1>")
                .append("<p><span id=\"state\" class=\"state ").append(stateClass(s.state())).append("\">")
                .append(t(stateLabel(s.state(), lang))).append("</span></p>")
                .append("<p>").append(t(stateHelp(s.state(), lang))).append("</p>");
        if (s.state() == VpnState.OFF || (s.state() == VpnState.READY && !s.failedSubnets().isEmpty())) {
            String label = s.state() == VpnState.OFF ? lang.pick("Turn the VPN on", "VPN をオンにする")
                    : lang.pick("Try the failed subnets again", "失敗したサブネットを再試行する");
            b.append("<form class=\"inline\" method=\"post\" action=\"/on\"><button type=\"submit\">")
                    .append(t(label)).append("</button></form>");
        }
        b.append("</div>");

        for (SubnetStatus failed : s.failedSubnets()) {
            b.append("<div class=\"notice bad\">").append(t(lang.pick(
                    "Subnet " + failed.subnetId() + " could not be connected to the VPN, even after a retry. Please tell IT.",
                    "サブネット " + failed.subnetId() + " を VPN に関連付けできませんでした（再試行済み）。IT 担当者に連絡してください。")));
            if (failed.message() != null && !failed.message().isBlank()) {
                b.append("<br><span class=\"muted\">").append(t(failed.message())).append("</span>");
            }
            b.append("</div>");
        }

        if (s.plan().deadlineSoon() && s.state() != VpnState.OFF) {
            b.append("<div id=\"deadline\" class=\"notice bad\">")
                    .append(t(PortalScheduleText.DEADLINE_WARNING.in(lang, s.plan().deadline()))).append("</div>");
        }

        b.append("<div class=\"card\"><dl>");
        b.append("<dt>").append(t(lang.pick("Subnets", "サブネット"))).append("</dt><dd>").append(subnetsHtml(s, lang))
                .append("</dd>");
        row(b, lang.pick("Turned on by", "オンにした人"), s.turnedOnBy() == null ? "—"
                : s.turnedOnBy() + (s.turnedOnAt() == null ? "" : " · " + time(s.turnedOnAt(), s.timeZone(), lang)));
        if (s.turnedOffBy() != null && (s.state() == VpnState.OFF || s.state() == VpnState.TURNING_OFF)) {
            row(b, lang.pick("Turned off by", "オフにした人"), s.turnedOffBy()
                    + (s.turnedOffAt() == null ? "" : " · " + time(s.turnedOffAt(), s.timeZone(), lang)));
        }
        row(b, lang.pick("Turns off", "自動オフ"), s.plan().sentence(lang));
        row(b, lang.pick("Connected now", "接続中"), lang.pick(
                s.activeConnections().size() == 1 ? "1 person" : s.activeConnections().size() + " people",
                s.activeConnections().size() + " 人"));
        if (s.hourlyCostUsd() > 0) {
            row(b, lang.pick("Cost while on", "オン中の料金"),
                    String.format(Locale.ROOT, lang.pick("about USD %.2f per hour", "1 時間あたり約 %.2f USD"), s.hourlyCostUsd()));
        }
        b.append("</dl></div>");

        if (admin && (s.state() == VpnState.READY || s.state() == VpnState.TURNING_ON)) {
            adminCard(b, s, lang);
        }
        if (admin) {
            monthCard(b, s, lang);
        }
        if (admin) {
            b.append("<p><a href=\"/connect\">").append(t(lang.pick("Amazon Connect IP rules", "Amazon Connect IP アクセス制限")))
                    .append("</a></p>");
        }
        b.append("<p class=\"muted\">").append(t(lang.pick("Checked at ", "確認時刻 ")
                + CLOCK.format(s.checkedAt().atZone(s.timeZone())) + " (" + s.timeZone().getId() + ")"));
        if (s.state().settling()) {
            b.append(t(lang.pick(" · this page refreshes itself", " · このページは自動で更新されます")));
        }
        b.append("</p>");

        HtmlPage page = HtmlPage.of(lang, lang.pick("VPN", "VPN"), b.toString()).signedInAs(employee.email());
        if (s.state().settling()) {
            page = page.refreshEvery(REFRESH_SECONDS, REFRESH_URL);
        }
        return page.render(200);
    }

    private static void adminCard(StringBuilder b, VpnStatus s, Lang lang) {
        int n = s.activeConnections().size();
        b.append("<div class=\"card\"><h2>").append(t(lang.pick("Administrator", "管理者"))).append("</h2>");
        if (n > 0) {
            b.append("<table><thead><tr><th>").append(t(lang.pick("User", "ユーザー"))).append("</th><th>")
                    .append(t(lang.pick("Connected since", "接続開始"))).append("</th></tr></thead><tbody>");
            for (Connection c : s.activeConnections()) {
                b.append("<tr><td>").append(t(c.username())).append("</td><td>")
                        .append(t(c.established() == null ? "—" : time(c.established(), s.timeZone(), lang)))
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("<form method=\"post\" action=\"/off\"><p>").append(t(lang.pick(
                        "Turning the VPN off now ends " + n + (n == 1 ? " active connection." : " active connections."),
                        "今すぐ VPN をオフにすると、接続中の " + n + " 件の接続が切断されます。")))
                .append("</p><p><label><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> ")
                .append(t(lang.pick("I understand", "理解しました"))).append("</label></p>")
                .append("<button type=\"submit\" class=\"danger\">").append(t(lang.pick("Turn off now", "今すぐオフにする")))
                .append("</button></form></div>");
    }

    /** What the month has cost so far beside always-on, from the endpoint's ledger (see UsageLedger). */
    private static void monthCard(StringBuilder b, VpnStatus s, Lang lang) {
        UsageLedger.MonthCost m = s.month();
        String since = time(Instant.parse(m.since()), s.timeZone(), lang);
        b.append("<div id=\"month\" class=\"card\"><h2>").append(t(PortalScheduleText.MONTH_TITLE.in(lang)))
                .append("</h2><p>").append(t(PortalScheduleText.MONTH_COST.in(lang, m.associationHours().toPlainString(),
                        since, m.costUsd().toPlainString(), m.alwaysOnCostUsd().toPlainString(),
                        m.alwaysOnHours().toPlainString())))
                .append("</p><p class=\"muted\">").append(t(PortalScheduleText.MONTH_EXCLUDES.in(lang)))
                .append("</p></div>");
    }

    /** One subnet per line: long ids wrapped mid-word are hard to read on a phone. */
    private static String subnetsHtml(VpnStatus s, Lang lang) {
        StringBuilder out = new StringBuilder();
        for (SubnetStatus sub : s.subnets()) {
            if (out.length() > 0) {
                out.append("<br>");
            }
            out.append("<code>").append(t(sub.subnetId())).append("</code> ")
                    .append(t("(" + subnetLabel(sub.status(), lang) + ")"));
        }
        return out.toString();
    }

    static String time(Instant instant, ZoneId zone, Lang lang) {
        return (lang == Lang.JA ? JA_TIME : EN_TIME).format(instant.atZone(zone));
    }

    private static void row(StringBuilder b, String term, String value) {
        b.append("<dt>").append(t(term)).append("</dt><dd>").append(t(value)).append("</dd>");
    }

    private static String stateClass(VpnState state) {
        return switch (state) {
            case OFF -> "off";
            case TURNING_ON, TURNING_OFF -> "warn";
            case READY -> "ok";
        };
    }

    static String stateLabel(VpnState state, Lang lang) {
        return switch (state) {
            case OFF -> lang.pick("Off", "オフ");
            case TURNING_ON -> lang.pick("Turning on…", "オンにしています…");
            case READY -> lang.pick("Ready", "接続できます");
            case TURNING_OFF -> lang.pick("Turning off…", "オフにしています…");
        };
    }

    private static String stateHelp(VpnState state, Lang lang) {
        return switch (state) {
            case OFF -> lang.pick("The VPN is off. Turning it on usually takes 5–10 minutes.",
                    "VPN はオフです。オンにするには通常 5〜10 分かかります。");
            case TURNING_ON -> lang.pick("This usually takes 5–10 minutes. You can connect when this page says Ready.",
                    "通常 5〜10 分かかります。「接続できます」と表示されたら接続してください。");
            case READY -> lang.pick("You can connect now with the AWS VPN Client.",
                    "AWS VPN Client で接続できます。");
            case TURNING_OFF -> lang.pick("The VPN is being turned off and connections are ending. You can turn it on again once it is off.",
                    "VPN をオフにしています。接続は切断されます。オフになった後で再度オンにできます。");
        };
    }

    private static String subnetLabel(String status, Lang lang) {
        return switch (status) {
            case Association.ASSOCIATED -> lang.pick("associated", "関連付け済み");
            case Association.ASSOCIATING -> lang.pick("associating", "関連付け中");
            case Association.DISASSOCIATING -> lang.pick("disassociating", "関連付け解除中");
            case Association.FAILED -> lang.pick("failed", "失敗");
            default -> lang.pick("not associated", "未関連付け");
        };
    }

    private static String t(String s) {
        return HtmlPage.text(s);
    }
}
