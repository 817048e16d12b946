package dev.switchboard.vpn.portal;

import dev.switchboard.core.http.AlbResponse;
import dev.switchboard.core.http.HtmlPage;
import dev.switchboard.core.http.Lang;
import dev.switchboard.core.identity.Employee;
import dev.switchboard.core.text.Message;
import dev.switchboard.core.text.TurnedOffByText;
import dev.switchboard.vpn.Association;
import dev.switchboard.vpn.Connection;
import dev.switchboard.vpn.UsageLedger;

import java.math.BigDecimal;
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
        b.append("<div class=\"card\"><h1>").append(t(PortalText.HEADING.in(lang))).append("</h1>")
                .append("<p><span id=\"state\" class=\"state ").append(stateClass(s.state())).append("\">")
                .append(t(stateLabel(s.state(), lang))).append("</span></p>")
                .append("<p>").append(t(stateHelp(s.state()).in(lang))).append("</p>");
        if (s.state() == VpnState.OFF || (s.state() == VpnState.READY && !s.failedSubnets().isEmpty())) {
            Message label = s.state() == VpnState.OFF ? PortalText.TURN_ON : PortalText.RETRY_FAILED;
            b.append("<form class=\"inline\" method=\"post\" action=\"/on\"><button type=\"submit\">")
                    .append(t(label.in(lang))).append("</button></form>");
        }
        b.append("</div>");

        for (SubnetStatus failed : s.failedSubnets()) {
            b.append("<div class=\"notice bad\">").append(t(PortalText.SUBNET_FAILED.in(lang, failed.subnetId())));
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
        b.append("<dt>").append(t(PortalText.SUBNETS.in(lang))).append("</dt><dd>").append(subnetsHtml(s, lang))
                .append("</dd>");
        row(b, PortalText.TURNED_ON_BY.in(lang), s.turnedOnBy() == null ? "—"
                : s.turnedOnBy() + (s.turnedOnAt() == null ? "" : " · " + time(s.turnedOnAt(), s.timeZone(), lang)));
        if (s.turnedOffBy() != null && (s.state() == VpnState.OFF || s.state() == VpnState.TURNING_OFF)) {
            row(b, PortalText.TURNED_OFF.in(lang), TurnedOffByText.describe(s.turnedOffBy(), lang)
                    + (s.turnedOffAt() == null ? "" : " · " + time(s.turnedOffAt(), s.timeZone(), lang)));
        }
        // Only while it is (becoming) on: an Off or Turning-off page that says when it turns off, or what it
        // costs per hour, contradicts itself.
        boolean on = s.state() == VpnState.READY || s.state() == VpnState.TURNING_ON;
        if (on) {
            row(b, PortalText.TURNS_OFF.in(lang), s.plan().sentence(lang));
        }
        int n = s.activeConnections().size();
        row(b, PortalText.CONNECTED_NOW.in(lang), n == 1 ? PortalText.ONE_PERSON.in(lang) : PortalText.PEOPLE.in(lang, n));
        if (on && s.hourlyCostUsd() > 0) {
            row(b, PortalText.COST_WHILE_ON.in(lang),
                    PortalText.COST_PER_HOUR.in(lang, String.format(Locale.ROOT, "%.2f", s.hourlyCostUsd())));
        }
        b.append("</dl></div>");

        if (admin && on) {
            adminCard(b, s, lang);
        }
        if (admin) {
            monthCard(b, s, lang);
            b.append("<p><a href=\"/connect\">").append(t(PortalText.CONNECT_RULES.in(lang))).append("</a></p>");
        }
        b.append("<p class=\"muted\">").append(t(PortalText.CHECKED_AT.in(lang,
                CLOCK.format(s.checkedAt().atZone(s.timeZone())), s.timeZone().getId())));
        if (s.state().settling()) {
            b.append(t(PortalText.REFRESHES.in(lang)));
        }
        b.append("</p>");

        HtmlPage page = HtmlPage.of(lang, PortalText.PAGE_TITLE.in(lang), b.toString()).signedInAs(employee.email());
        if (s.state().settling()) {
            page = page.refreshEvery(REFRESH_SECONDS, REFRESH_URL);
        }
        return page.render(200);
    }

    private static void adminCard(StringBuilder b, VpnStatus s, Lang lang) {
        int n = s.activeConnections().size();
        b.append("<div class=\"card\"><h2>").append(t(PortalText.ADMINISTRATOR.in(lang))).append("</h2>");
        if (n > 0) {
            b.append("<table><thead><tr><th>").append(t(PortalText.USER.in(lang))).append("</th><th>")
                    .append(t(PortalText.CONNECTED_SINCE.in(lang))).append("</th></tr></thead><tbody>");
            for (Connection c : s.activeConnections()) {
                b.append("<tr><td>").append(t(c.username())).append("</td><td>")
                        .append(t(c.established() == null ? "—" : time(c.established(), s.timeZone(), lang)))
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("<form method=\"post\" action=\"/off\"><p>")
                .append(t(n == 1 ? PortalText.OFF_NOW_ENDS_ONE.in(lang) : PortalText.OFF_NOW_ENDS.in(lang, n)))
                .append("</p><p><label><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> ")
                .append(t(PortalText.I_UNDERSTAND.in(lang))).append("</label></p>")
                .append("<button type=\"submit\" class=\"danger\">").append(t(PortalText.TURN_OFF_NOW.in(lang)))
                .append("</button></form></div>");
    }

    /** What the month has cost so far beside always-on, from the endpoint's ledger (see UsageLedger). */
    private static void monthCard(StringBuilder b, VpnStatus s, Lang lang) {
        UsageLedger.MonthCost m = s.month();
        String since = time(Instant.parse(m.since()), s.timeZone(), lang);
        b.append("<div id=\"month\" class=\"card\"><h2>").append(t(PortalScheduleText.MONTH_TITLE.in(lang)))
                .append("</h2><p>").append(t(PortalScheduleText.MONTH_COST.in(lang, hours(m.associationHours()),
                        since, m.costUsd().toPlainString(), m.alwaysOnCostUsd().toPlainString(),
                        hours(m.alwaysOnHours()))))
                .append("</p><p class=\"muted\">").append(t(PortalScheduleText.MONTH_EXCLUDES.in(lang)))
                .append("</p></div>");
    }

    /** Hours as people write them: "2.0", "0.7", "0.07" (the ledger keeps hundredths). */
    static String hours(BigDecimal hours) {
        BigDecimal shown = hours.stripTrailingZeros();
        return (shown.scale() < 1 ? shown.setScale(1) : shown).toPlainString();
    }

    /** One subnet per line: long ids wrapped mid-word are hard to read on a phone. */
    private static String subnetsHtml(VpnStatus s, Lang lang) {
        StringBuilder out = new StringBuilder();
        for (SubnetStatus sub : s.subnets()) {
            if (out.length() > 0) {
                out.append("<br>");
            }
            out.append("<code>").append(t(sub.subnetId())).append("</code> ")
                    .append(t("(" + subnetLabel(sub.status()).in(lang) + ")"));
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
        Message label = switch (state) {
            case OFF -> PortalText.STATE_OFF;
            case TURNING_ON -> PortalText.STATE_TURNING_ON;
            case READY -> PortalText.STATE_READY;
            case TURNING_OFF -> PortalText.STATE_TURNING_OFF;
        };
        return label.in(lang);
    }

    private static Message stateHelp(VpnState state) {
        return switch (state) {
            case OFF -> PortalText.HELP_OFF;
            case TURNING_ON -> PortalText.HELP_TURNING_ON;
            case READY -> PortalText.HELP_READY;
            case TURNING_OFF -> PortalText.HELP_TURNING_OFF;
        };
    }

    private static Message subnetLabel(String status) {
        return switch (status) {
            case Association.ASSOCIATED -> PortalText.SUBNET_ASSOCIATED;
            case Association.ASSOCIATING -> PortalText.SUBNET_ASSOCIATING;
            case Association.DISASSOCIATING -> PortalText.SUBNET_DISASSOCIATING;
            case Association.FAILED -> PortalText.SUBNET_FAILED_LABEL;
            default -> PortalText.SUBNET_NOT_ASSOCIATED;
        };
    }

    private static String t(String s) {
        return HtmlPage.text(s);
    }
}
