package dev.switchboard.connect.rules;

import dev.switchboard.core.http.AlbResponse;
import dev.switchboard.core.http.HtmlPage;
import dev.switchboard.core.http.Lang;
import dev.switchboard.core.identity.Employee;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import static dev.switchboard.core.http.HtmlPage.attr;
import static dev.switchboard.core.http.HtmlPage.text;

/** The /connect pages, in English and Japanese. Every dynamic value goes through {@code text}/{@code attr}. */
final class ConnectIpRulesPage {

    /** A message above the page: what just happened (ok) or why nothing happened (bad). Plain text. */
    record Notice(boolean ok, String message) {
    }

    /** A time in the configured zone, the zone named: "2026-12-04 03:30:00 Asia/Tokyo". */
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss VV");

    private ConnectIpRulesPage() {
    }

    static String title(Lang lang) {
        return lang.text(ConnectText.TITLE);
    }

    static AlbResponse view(ConnectIpRulesService.View view, ZoneId zone, Employee who, Lang lang, List<Notice> notices, int status) {
        AuthenticationProfile p = view.profile();
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(text(title(lang))).append("</h1>");
        for (Notice n : notices) {
            b.append("<div class=\"notice ").append(n.ok() ? "ok" : "bad").append("\" role=\"status\">")
                    .append(text(n.message())).append("</div>");
        }
        profiles(b, view, zone, lang);
        details(b, p, zone, lang);
        ownAddress(b, p, who, lang);
        list(b, p, lang, true);
        list(b, p, lang, false);
        addForm(b, p, lang);
        sessionsForm(b, p, lang);
        checkForm(b, p, lang);
        resetForm(b, p, lang);
        rules(b, lang);
        return page(lang, who, b).render(status);
    }

    static AlbResponse checked(ConnectIpRulesService.CheckResult result, Employee who, Lang lang) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(text(lang.text(ConnectText.WOULD_BE_ALLOWED)))
                .append("</h1><div class=\"card\"><p><code>").append(text(result.verdict().address())).append("</code> ")
                .append(state(result.verdict(), lang)).append("</p><p>").append(text(reason(result.verdict(), lang)))
                .append("</p><p class=\"muted\">").append(text(lang.text(ConnectText.PROFILE))).append(": ")
                .append(text(result.profile().name())).append("</p>");
        b.append("<p><a href=\"").append(attr(profileUrl(result.profile().id()))).append("\">")
                .append(text(lang.text(ConnectText.BACK_TO_RULES))).append("</a></p></div>");
        rules(b, lang);
        return page(lang, who, b).render(200);
    }

    static AlbResponse confirmReset(AuthenticationProfile p, Instant pageVersion, Employee who, Lang lang) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(text(lang.text(ConnectText.RESET_QUESTION))).append("</h1>")
                .append("<div class=\"card\"><p>").append(text(lang.text(ConnectText.RESET_EXPLAINED, p.name())))
                .append("</p><form method=\"post\" action=\"/connect\" class=\"inline\">");
        hidden(b, p.id(), pageVersion, "reset");
        b.append("<input type=\"hidden\" name=\"confirm\" value=\"yes\">")
                .append("<button type=\"submit\" class=\"danger\">").append(text(lang.text(ConnectText.EMPTY_BOTH_LISTS)))
                .append("</button> <a href=\"").append(attr(profileUrl(p.id()))).append("\">")
                .append(text(lang.text(ConnectText.CANCEL))).append("</a></form></div>");
        return page(lang, who, b).render(200);
    }

    static AlbResponse confirmLockout(LockoutException e, Employee who, Lang lang) {
        AuthenticationProfile p = e.current();
        ChangeRequest r = e.request();
        StringBuilder b = new StringBuilder();
        if (e.verdict().isPresent()) {
            IpRules.Verdict own = e.verdict().get();
            b.append("<h1>").append(text(lang.text(ConnectText.LOCKOUT_TITLE)))
                    .append("</h1><div class=\"notice bad\" role=\"alert\">").append(text(lang.text(ConnectText.LOCKOUT_EXPLAINED, own.address())))
                    .append("</div><div class=\"card\"><p>").append(text(describe(r, lang))).append("</p><p>")
                    .append(text(reason(own, lang)));
        } else {
            // 0.0.0.0/0 or ::/0: decides for every address of its family, whoever the admin is.
            b.append("<h1>").append(text(WholeFamilyText.TITLE.in(lang)))
                    .append("</h1><div class=\"notice bad\" role=\"alert\">").append(text(e.message(lang)))
                    .append("</div><div class=\"card\"><p>").append(text(describe(r, lang)));
        }
        b.append("</p><p class=\"muted\">")
                .append(text(lang.text(ConnectText.EMERGENCY_LOGIN)))
                .append("</p><form method=\"post\" action=\"/connect\" class=\"inline\">");
        hidden(b, p, r.operation().wireName());
        if (!r.entries().isEmpty()) {
            b.append("<input type=\"hidden\" name=\"entry\" value=\"").append(attr(entries(r))).append("\">");
        }
        if (r.list() != null) {
            b.append("<input type=\"hidden\" name=\"list\" value=\"").append(attr(r.list().wireName())).append("\">");
        }
        hiddenNumber(b, "periodicSessionDuration", r.periodicSessionDuration());
        hiddenNumber(b, "sessionInactivityDuration", r.sessionInactivityDuration());
        if (r.confirmed()) {
            b.append("<input type=\"hidden\" name=\"confirm\" value=\"yes\">");
        }
        b.append("<input type=\"hidden\" name=\"confirmLockout\" value=\"yes\">")
                .append("<button type=\"submit\" class=\"danger\">").append(text(lang.text(ConnectText.APPLY_ANYWAY)))
                .append("</button> <a href=\"").append(attr(profileUrl(p.id()))).append("\">")
                .append(text(lang.text(ConnectText.CANCEL))).append("</a></form></div>");
        return page(lang, who, b).render(409);
    }

    /** What a request would do, in words, e.g. "allow 10.0.0.0/8". */
    static String describe(ChangeRequest r, Lang lang) {
        String entries = entries(r);
        switch (r.operation()) {
            case ALLOW:
                return lang.text(ConnectText.CHANGE_ALLOW, entries);
            case BLOCK:
                return lang.text(ConnectText.CHANGE_BLOCK, entries);
            case REMOVE:
                return lang.text(ConnectText.CHANGE_REMOVE, entries);
            case SET_SESSIONS:
                return lang.text(ConnectText.CHANGE_SET_SESSIONS);
            default:
                return lang.text(ConnectText.CHANGE_RESET);
        }
    }

    private static String entries(ChangeRequest r) {
        return r.entries().stream().map(p -> p.entry().value()).collect(Collectors.joining(" "));
    }

    /** Every Connect page links the VPN portal's read-only status page (never {@code /}, which turns it on). */
    private static HtmlPage page(Lang lang, Employee who, StringBuilder body) {
        body.append("<p class=\"muted\"><a href=\"/status\">").append(text(lang.text(ConnectText.VPN_STATUS)))
                .append("</a></p>");
        return HtmlPage.of(lang, title(lang), body.toString())
                .signedInAs(lang.text(ConnectText.SIGNED_IN_AS, who.email()));
    }

    private static void profiles(StringBuilder b, ConnectIpRulesService.View view, ZoneId zone, Lang lang) {
        b.append("<div class=\"card\"><h2>").append(text(lang.text(ConnectText.PROFILES)))
                .append("</h2><p class=\"muted\">").append(text(lang.text(ConnectText.INSTANCE))).append(" <code>")
                .append(text(view.instanceId())).append("</code></p><table><thead><tr><th>")
                .append(text(lang.text(ConnectText.NAME))).append("</th><th>")
                .append(text(lang.text(ConnectText.LAST_MODIFIED))).append("</th></tr></thead><tbody>");
        for (ProfileSummary s : view.profiles()) {
            boolean shown = s.id().equals(view.profile().id());
            b.append("<tr><td>");
            if (shown) {
                b.append("<strong>").append(text(s.name())).append("</strong>");
            } else {
                b.append("<a href=\"").append(attr(profileUrl(s.id()))).append("\">").append(text(s.name())).append("</a>");
            }
            // One note in brackets: "Default (shown below) default" read like a stutter (the default profile is
            // usually named Default).
            String note = shown && s.isDefault() ? lang.text(ConnectText.DEFAULT_SHOWN)
                    : shown ? lang.text(ConnectText.SHOWN)
                    : s.isDefault() ? lang.text(ConnectText.DEFAULT) : null;
            if (note != null) {
                b.append(" <span class=\"muted\">(").append(text(note)).append(")</span>");
            }
            b.append("</td><td>").append(text(time(s.lastModified(), zone))).append("</td></tr>");
        }
        b.append("</tbody></table></div>");
    }

    private static void details(StringBuilder b, AuthenticationProfile p, ZoneId zone, Lang lang) {
        b.append("<div class=\"card\"><h2>").append(text(p.name())).append("</h2><dl>")
                .append(dt(lang.text(ConnectText.PROFILE_ID))).append("<dd><code>").append(text(p.id())).append("</code></dd>")
                .append(dt(lang.text(ConnectText.PERIODIC_DURATION)))
                .append(dd(lang.text(ConnectText.MINUTES, number(p.periodicSessionDuration()))))
                .append(dt(lang.text(ConnectText.INACTIVITY_DURATION)))
                .append(dd(lang.text(ConnectText.MINUTES, number(p.sessionInactivityDuration()))))
                .append(dt(lang.text(ConnectText.MAX_DURATION)))
                .append(dd(lang.text(ConnectText.MINUTES, number(p.maxSessionDuration()))))
                .append(dt(lang.text(ConnectText.LAST_MODIFIED)))
                .append(dd(time(p.lastModified(), zone) + (p.lastModifiedRegion() == null ? "" : " (" + p.lastModifiedRegion() + ")")))
                .append("</dl>");
        List<String> unreadable = ConnectLimits.shown(p.rules().unreadable());
        if (!unreadable.isEmpty()) {
            b.append("<p class=\"error\">").append(text(lang.text(ConnectText.UNREADABLE_ENTRIES, String.join(", ", unreadable)))).append("</p>");
        }
        b.append("</div>");
    }

    private static void ownAddress(StringBuilder b, AuthenticationProfile p, Employee who, Lang lang) {
        b.append("<div class=\"card\"><h2>").append(text(lang.text(ConnectText.YOUR_ADDRESS)))
                .append("</h2>");
        IpRules.Verdict verdict;
        try {
            verdict = p.rules().evaluate(IpEntry.parseAddress(who.sourceIp()));
        } catch (RuntimeException e) {
            b.append("<p class=\"muted\">").append(text(lang.text(ConnectText.ADDRESS_UNREADABLE, who.sourceIp()))).append("</p></div>");
            return;
        }
        b.append("<p><code>").append(text(verdict.address())).append("</code> ").append(state(verdict, lang))
                .append("</p><p>").append(text(reason(verdict, lang))).append("</p></div>");
    }

    private static void list(StringBuilder b, AuthenticationProfile p, Lang lang, boolean allowedList) {
        List<String> entries = allowedList ? p.rules().allowed() : p.rules().blocked();
        String listName = allowedList ? "allowed" : "blocked";
        b.append("<div class=\"card\" id=\"").append(listName).append("\"><h2>")
                .append(text(allowedList ? lang.text(ConnectText.ALLOWED_LIST)
                        : lang.text(ConnectText.BLOCKED_LIST))).append("</h2>");
        if (entries.isEmpty()) {
            b.append("<p class=\"muted\">").append(text(allowedList
                    ? lang.text(ConnectText.ALLOWED_EMPTY)
                    : lang.text(ConnectText.BLOCKED_EMPTY)))
                    .append("</p></div>");
            return;
        }
        // One form per list and a button per entry (form="..."): the profile, version and operation are sent
        // once, not once per entry, so a full list stays small (see ConnectLimits).
        String formId = "remove-" + listName;
        b.append("<form id=\"").append(formId).append("\" method=\"post\" action=\"/connect\" class=\"inline\">");
        hidden(b, p, "remove");
        b.append("<input type=\"hidden\" name=\"list\" value=\"").append(listName).append("\"></form>");
        String remove = text(lang.text(ConnectText.REMOVE));
        b.append("<table><tbody>");
        for (String entry : ConnectLimits.shown(entries)) {
            String shown = text(entry);
            b.append("<tr><td><code>").append(shown).append("</code></td><td><button form=\"").append(formId)
                    .append("\" name=\"entry\" value=\"").append(attr(entry))
                    .append("\" class=\"secondary\">").append(remove).append("</button></td></tr>");
        }
        b.append("</tbody></table>");
        if (entries.size() > ConnectLimits.MAX_ENTRIES_PER_LIST) {
            b.append("<p class=\"muted\">").append(text(ConnectLimits.NOT_SHOWN.in(lang,
                    entries.size() - ConnectLimits.MAX_ENTRIES_PER_LIST, ConnectLimits.MAX_ENTRIES_PER_LIST))).append("</p>");
        }
        b.append("</div>");
    }

    private static void addForm(StringBuilder b, AuthenticationProfile p, Lang lang) {
        b.append("<div class=\"card\"><h2>").append(text(lang.text(ConnectText.ADD_ENTRY)))
                .append("</h2><form method=\"post\" action=\"/connect\" class=\"inline\">");
        hidden(b, p, null);
        b.append("<label for=\"entry\">").append(text(lang.text(ConnectText.ENTRY_LABEL)))
                .append("</label><input id=\"entry\" name=\"entry\" required maxlength=\"50\" placeholder=\"203.0.113.0/24\">")
                .append("<button type=\"submit\" name=\"op\" value=\"allow\">").append(text(lang.text(ConnectText.ALLOW)))
                .append("</button><button type=\"submit\" name=\"op\" value=\"block\" class=\"danger\">")
                .append(text(lang.text(ConnectText.BLOCK))).append("</button></form></div>");
    }

    private static void sessionsForm(StringBuilder b, AuthenticationProfile p, Lang lang) {
        b.append("<div class=\"card\"><h2>").append(text(lang.text(ConnectText.SESSION_DURATIONS)))
                .append("</h2><form method=\"post\" action=\"/connect\" class=\"inline\">");
        hidden(b, p, "set-sessions");
        b.append("<label for=\"periodic\">").append(text(lang.text(ConnectText.PERIODIC_LABEL)))
                .append("</label><input id=\"periodic\" type=\"number\" name=\"periodicSessionDuration\" min=\"10\" max=\"60\" value=\"")
                .append(attr(p.periodicSessionDuration() == null ? "" : p.periodicSessionDuration().toString())).append("\">")
                .append("<label for=\"inactivity\">").append(text(lang.text(ConnectText.INACTIVITY_LABEL)))
                .append("</label><input id=\"inactivity\" type=\"number\" name=\"sessionInactivityDuration\" min=\"15\" max=\"720\" value=\"")
                .append(attr(p.sessionInactivityDuration() == null ? "" : p.sessionInactivityDuration().toString())).append("\">")
                .append("<button type=\"submit\">").append(text(lang.text(ConnectText.SAVE))).append("</button></form></div>");
    }

    private static void checkForm(StringBuilder b, AuthenticationProfile p, Lang lang) {
        b.append("<div class=\"card\"><h2>").append(text(lang.text(ConnectText.WOULD_BE_ALLOWED)))
                .append("</h2><form method=\"get\" action=\"/connect/check\" class=\"inline\">")
                .append("<input type=\"hidden\" name=\"profile\" value=\"").append(attr(p.id())).append("\">")
                .append("<input name=\"ip\" required maxlength=\"50\" placeholder=\"198.51.100.23\" aria-label=\"IP\">")
                .append("<button type=\"submit\" class=\"secondary\">").append(text(lang.text(ConnectText.CHECK)))
                .append("</button></form></div>");
    }

    private static void resetForm(StringBuilder b, AuthenticationProfile p, Lang lang) {
        b.append("<div class=\"card\"><h2>").append(text(lang.text(ConnectText.RESET))).append("</h2><p class=\"muted\">")
                .append(text(lang.text(ConnectText.RESET_HELP)))
                .append("</p><form method=\"post\" action=\"/connect\" class=\"inline\">");
        hidden(b, p, "reset");
        b.append("<button type=\"submit\" class=\"danger\">").append(text(lang.text(ConnectText.RESET_BUTTON)))
                .append("</button></form></div>");
    }

    private static void rules(StringBuilder b, Lang lang) {
        b.append("<div class=\"card\"><h2>").append(text(lang.text(ConnectText.RULES_TITLE))).append("</h2><ul><li>")
                .append(text(lang.text(ConnectText.RULE_BLOCKED_WINS)))
                .append("</li><li>").append(text(lang.text(ConnectText.RULE_ALLOWED_LIST)))
                .append("</li><li>").append(text(lang.text(ConnectText.EMERGENCY_LOGIN)))
                .append("</li></ul></div>");
    }

    static String reason(IpRules.Verdict v, Lang lang) {
        String entry = v.entry();
        switch (v.reason()) {
            case BLOCKED_BY_ENTRY:
                return lang.text(ConnectText.REASON_BLOCKED_BY_ENTRY, entry);
            case ALLOWED_LIST_EMPTY:
                return lang.text(ConnectText.REASON_ALLOWED_LIST_EMPTY);
            case ALLOWED_BY_ENTRY:
                return lang.text(ConnectText.REASON_ALLOWED_BY_ENTRY, entry);
            default:
                return lang.text(ConnectText.REASON_NOT_ALLOWED);
        }
    }

    private static String state(IpRules.Verdict v, Lang lang) {
        return v.allowed()
                ? "<span class=\"state ok\">" + text(lang.text(ConnectText.STATE_ALLOWED)) + "</span>"
                : "<span class=\"state bad\">" + text(lang.text(ConnectText.STATE_REFUSED)) + "</span>";
    }

    /** The fields every change form carries: the profile, the version the page shows, and the operation. */
    private static void hidden(StringBuilder b, AuthenticationProfile p, String op) {
        hidden(b, p.id(), p.lastModified(), op);
    }

    private static void hidden(StringBuilder b, String profileId, Instant version, String op) {
        b.append("<input type=\"hidden\" name=\"profile\" value=\"").append(attr(profileId)).append("\">")
                .append("<input type=\"hidden\" name=\"lastModified\" value=\"")
                .append(attr(version == null ? "" : version.toString())).append("\">");
        if (op != null) {
            b.append("<input type=\"hidden\" name=\"op\" value=\"").append(attr(op)).append("\">");
        }
    }

    private static void hiddenNumber(StringBuilder b, String name, Integer value) {
        if (value != null) {
            b.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(value).append("\">");
        }
    }

    static String profileUrl(String profileId) {
        return "/connect?profile=" + java.net.URLEncoder.encode(profileId, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String dt(String s) {
        return "<dt>" + text(s) + "</dt>";
    }

    private static String dd(String s) {
        return "<dd>" + text(s) + "</dd>";
    }

    private static String number(Integer n) {
        return n == null ? "–" : n.toString();
    }

    private static String time(Instant t, ZoneId zone) {
        return t == null ? "–" : SHOWN.format(t.atZone(zone));
    }
}
