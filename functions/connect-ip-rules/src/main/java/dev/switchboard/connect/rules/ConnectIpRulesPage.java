package dev.switchboard.connect.rules;

import dev.switchboard.core.http.AlbResponse;
import dev.switchboard.core.http.HtmlPage;
import dev.switchboard.core.http.Lang;
import dev.switchboard.core.identity.Employee;

import java.time.Instant;
import java.time.ZoneOffset;
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

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ConnectIpRulesPage() {
    }

    static String title(Lang lang) {
        return lang.pick("Amazon Connect IP rules", "Amazon Connect IP アクセス制限");
    }

    static AlbResponse view(ConnectIpRulesService.View view, Employee who, Lang lang, List<Notice> notices, int status) {
        AuthenticationProfile p = view.profile();
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(text(title(lang))).append("</h1>");
        for (Notice n : notices) {
            b.append("<div class=\"notice ").append(n.ok() ? "ok" : "bad").append("\" role=\"status\">")
                    .append(text(n.message())).append("</div>");
        }
        profiles(b, view, lang);
        details(b, p, lang);
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
        b.append("<h1>").append(text(lang.pick("Would this address be allowed?", "このアドレスは許可されますか？")))
                .append("</h1><div class=\"card\"><p><code>").append(text(result.verdict().address())).append("</code> ")
                .append(state(result.verdict(), lang)).append("</p><p>").append(text(reason(result.verdict(), lang)))
                .append("</p><p class=\"muted\">").append(text(lang.pick("Profile", "プロファイル"))).append(": ")
                .append(text(result.profile().name())).append("</p>");
        b.append("<p><a href=\"").append(attr(profileUrl(result.profile().id()))).append("\">")
                .append(text(lang.pick("Back to the rules", "ルール一覧へ戻る"))).append("</a></p></div>");
        rules(b, lang);
        return page(lang, who, b).render(200);
    }

    static AlbResponse confirmReset(AuthenticationProfile p, Instant pageVersion, Employee who, Lang lang) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(text(lang.pick("Reset the IP rules?", "IP 制限をリセットしますか？"))).append("</h1>")
                .append("<div class=\"card\"><p>").append(text(lang.pick(
                        "Both lists of \"" + p.name() + "\" will be emptied: every address may then sign in to Amazon Connect.",
                        "「" + p.name() + "」の許可リストとブロックリストを両方とも空にします。すべてのアドレスから Amazon Connect にサインインできるようになります。")))
                .append("</p><form method=\"post\" action=\"/connect\" class=\"inline\">");
        hidden(b, p.id(), pageVersion, "reset");
        b.append("<input type=\"hidden\" name=\"confirm\" value=\"yes\">")
                .append("<button type=\"submit\" class=\"danger\">").append(text(lang.pick("Empty both lists", "両方のリストを空にする")))
                .append("</button> <a href=\"").append(attr(profileUrl(p.id()))).append("\">")
                .append(text(lang.pick("Cancel", "キャンセル"))).append("</a></form></div>");
        return page(lang, who, b).render(200);
    }

    static AlbResponse confirmLockout(LockoutException e, Employee who, Lang lang) {
        AuthenticationProfile p = e.current();
        ChangeRequest r = e.request();
        StringBuilder b = new StringBuilder();
        if (e.verdict().isPresent()) {
            IpRules.Verdict own = e.verdict().get();
            b.append("<h1>").append(text(lang.pick("This change would lock you out", "この変更であなた自身が締め出されます")))
                    .append("</h1><div class=\"notice bad\" role=\"alert\">").append(text(lang.pick(
                            "After this change your current address " + own.address() + " would be refused by Amazon Connect. Nothing was written.",
                            "この変更後、あなたの現在のアドレス " + own.address() + " は Amazon Connect で拒否されます。まだ何も書き込んでいません。")))
                    .append("</div><div class=\"card\"><p>").append(text(describe(r, lang))).append("</p><p>")
                    .append(text(reason(own, lang)));
        } else {
            // 0.0.0.0/0 or ::/0: decides for every address of its family, whoever the admin is.
            b.append("<h1>").append(text(WholeFamilyText.TITLE.in(lang)))
                    .append("</h1><div class=\"notice bad\" role=\"alert\">").append(text(e.message(lang)))
                    .append("</div><div class=\"card\"><p>").append(text(describe(r, lang)));
        }
        b.append("</p><p class=\"muted\">")
                .append(text(lang.pick("The emergency admin login from the AWS console is never IP-restricted.",
                        "AWS マネジメントコンソールからの緊急管理者ログインには IP 制限は適用されません。")))
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
                .append("<button type=\"submit\" class=\"danger\">").append(text(lang.pick("Apply anyway", "それでも適用する")))
                .append("</button> <a href=\"").append(attr(profileUrl(p.id()))).append("\">")
                .append(text(lang.pick("Cancel", "キャンセル"))).append("</a></form></div>");
        return page(lang, who, b).render(409);
    }

    /** What a request would do, in words, e.g. "allow 10.0.0.0/8". */
    static String describe(ChangeRequest r, Lang lang) {
        String entries = entries(r);
        switch (r.operation()) {
            case ALLOW:
                return lang.pick("Your change: allow " + entries + ".", "あなたの変更: " + entries + " を許可");
            case BLOCK:
                return lang.pick("Your change: block " + entries + ".", "あなたの変更: " + entries + " をブロック");
            case REMOVE:
                return lang.pick("Your change: remove " + entries + ".", "あなたの変更: " + entries + " を削除");
            case SET_SESSIONS:
                return lang.pick("Your change: set the session durations.", "あなたの変更: セッション時間の設定");
            default:
                return lang.pick("Your change: empty both lists.", "あなたの変更: 両方のリストを空にする");
        }
    }

    private static String entries(ChangeRequest r) {
        return r.entries().stream().map(p -> p.entry().value()).collect(Collectors.joining(" "));
    }

    /** Every Connect page links the VPN portal's read-only status page (never {@code /}, which turns it on). */
    private static HtmlPage page(Lang lang, Employee who, StringBuilder body) {
        body.append("<p class=\"muted\"><a href=\"/status\">").append(text(lang.pick("VPN status", "VPN の状態")))
                .append("</a></p>");
        return HtmlPage.of(lang, title(lang), body.toString())
                .signedInAs(lang.pick("Signed in as ", "サインイン中: ") + who.email());
    }

    private static void profiles(StringBuilder b, ConnectIpRulesService.View view, Lang lang) {
        b.append("<div class=\"card\"><h2>").append(text(lang.pick("Authentication profiles", "認証プロファイル")))
                .append("</h2><p class=\"muted\">").append(text(lang.pick("Instance", "インスタンス"))).append(" <code>")
                .append(text(view.instanceId())).append("</code></p><table><thead><tr><th>")
                .append(text(lang.pick("Name", "名前"))).append("</th><th>")
                .append(text(lang.pick("Last modified", "最終更新"))).append("</th></tr></thead><tbody>");
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
            String note = shown && s.isDefault() ? lang.pick("the default profile, shown below", "デフォルトのプロファイル・表示中")
                    : shown ? lang.pick("shown below", "表示中")
                    : s.isDefault() ? lang.pick("the default profile", "デフォルトのプロファイル") : null;
            if (note != null) {
                b.append(" <span class=\"muted\">(").append(text(note)).append(")</span>");
            }
            b.append("</td><td>").append(text(time(s.lastModified()))).append("</td></tr>");
        }
        b.append("</tbody></table></div>");
    }

    private static void details(StringBuilder b, AuthenticationProfile p, Lang lang) {
        String minutes = lang.pick(" minutes", " 分");
        b.append("<div class=\"card\"><h2>").append(text(p.name())).append("</h2><dl>")
                .append(dt(lang.pick("Profile ID", "プロファイル ID"))).append("<dd><code>").append(text(p.id())).append("</code></dd>")
                .append(dt(lang.pick("Periodic session duration", "定期的な再認証の間隔 (PeriodicSessionDuration)")))
                .append(dd(number(p.periodicSessionDuration()) + minutes))
                .append(dt(lang.pick("Session inactivity duration", "非アクティブ時のタイムアウト (SessionInactivityDuration)")))
                .append(dd(number(p.sessionInactivityDuration()) + minutes))
                .append(dt(lang.pick("Maximum session duration", "最大セッション時間 (MaxSessionDuration)")))
                .append(dd(number(p.maxSessionDuration()) + minutes))
                .append(dt(lang.pick("Last modified", "最終更新")))
                .append(dd(time(p.lastModified()) + (p.lastModifiedRegion() == null ? "" : " (" + p.lastModifiedRegion() + ")")))
                .append("</dl>");
        List<String> unreadable = ConnectLimits.shown(p.rules().unreadable());
        if (!unreadable.isEmpty()) {
            b.append("<p class=\"error\">").append(text(lang.pick(
                    "These stored entries are not plain addresses or CIDR ranges and are ignored in checks here: ",
                    "次の登録済みエントリはアドレスまたは CIDR として読めないため、ここでの判定では無視しています: ")
                    + String.join(", ", unreadable))).append("</p>");
        }
        b.append("</div>");
    }

    private static void ownAddress(StringBuilder b, AuthenticationProfile p, Employee who, Lang lang) {
        b.append("<div class=\"card\"><h2>").append(text(lang.pick("Your current address", "あなたの現在のアドレス")))
                .append("</h2>");
        IpRules.Verdict verdict;
        try {
            verdict = p.rules().evaluate(IpEntry.parseAddress(who.sourceIp()));
        } catch (RuntimeException e) {
            b.append("<p class=\"muted\">").append(text(lang.pick("Your address could not be read: ", "アドレスを読み取れません: ")
                    + who.sourceIp())).append("</p></div>");
            return;
        }
        b.append("<p><code>").append(text(verdict.address())).append("</code> ").append(state(verdict, lang))
                .append("</p><p>").append(text(reason(verdict, lang))).append("</p></div>");
    }

    private static void list(StringBuilder b, AuthenticationProfile p, Lang lang, boolean allowedList) {
        List<String> entries = allowedList ? p.rules().allowed() : p.rules().blocked();
        String listName = allowedList ? "allowed" : "blocked";
        b.append("<div class=\"card\" id=\"").append(listName).append("\"><h2>")
                .append(text(allowedList ? lang.pick("Allowed addresses", "許可された IP (AllowedIps)")
                        : lang.pick("Blocked addresses", "ブロックされた IP (BlockedIps)"))).append("</h2>");
        if (entries.isEmpty()) {
            b.append("<p class=\"muted\">").append(text(allowedList
                    ? lang.pick("Empty: every address that is not blocked may sign in.",
                            "空です: ブロックされていないすべてのアドレスがサインインできます。")
                    : lang.pick("Empty: no address is blocked.", "空です: ブロックされているアドレスはありません。")))
                    .append("</p></div>");
            return;
        }
        // One form per list and a button per entry (form="..."): the profile, version and operation are sent
        // once, not once per entry, so a full list stays small (see ConnectLimits).
        String formId = "remove-" + listName;
        b.append("<form id=\"").append(formId).append("\" method=\"post\" action=\"/connect\" class=\"inline\">");
        hidden(b, p, "remove");
        b.append("<input type=\"hidden\" name=\"list\" value=\"").append(listName).append("\"></form>");
        String remove = text(lang.pick("Remove", "削除"));
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
        b.append("<div class=\"card\"><h2>").append(text(lang.pick("Add an address or range", "アドレスまたは範囲を追加")))
                .append("</h2><form method=\"post\" action=\"/connect\" class=\"inline\">");
        hidden(b, p, null);
        b.append("<label for=\"entry\">").append(text(lang.pick("IPv4 / IPv6, single or CIDR", "IPv4 / IPv6、単一アドレスまたは CIDR")))
                .append("</label><input id=\"entry\" name=\"entry\" required maxlength=\"50\" placeholder=\"203.0.113.0/24\">")
                .append("<button type=\"submit\" name=\"op\" value=\"allow\">").append(text(lang.pick("Allow", "許可")))
                .append("</button><button type=\"submit\" name=\"op\" value=\"block\" class=\"danger\">")
                .append(text(lang.pick("Block", "ブロック"))).append("</button></form></div>");
    }

    private static void sessionsForm(StringBuilder b, AuthenticationProfile p, Lang lang) {
        b.append("<div class=\"card\"><h2>").append(text(lang.pick("Session durations", "セッション時間")))
                .append("</h2><form method=\"post\" action=\"/connect\" class=\"inline\">");
        hidden(b, p, "set-sessions");
        b.append("<label for=\"periodic\">").append(text(lang.pick("Periodic (10–60 min)", "再認証間隔 (10〜60 分)")))
                .append("</label><input id=\"periodic\" type=\"number\" name=\"periodicSessionDuration\" min=\"10\" max=\"60\" value=\"")
                .append(attr(p.periodicSessionDuration() == null ? "" : p.periodicSessionDuration().toString())).append("\">")
                .append("<label for=\"inactivity\">").append(text(lang.pick("Inactivity (15–720 min)", "非アクティブ (15〜720 分)")))
                .append("</label><input id=\"inactivity\" type=\"number\" name=\"sessionInactivityDuration\" min=\"15\" max=\"720\" value=\"")
                .append(attr(p.sessionInactivityDuration() == null ? "" : p.sessionInactivityDuration().toString())).append("\">")
                .append("<button type=\"submit\">").append(text(lang.pick("Save", "保存"))).append("</button></form></div>");
    }

    private static void checkForm(StringBuilder b, AuthenticationProfile p, Lang lang) {
        b.append("<div class=\"card\"><h2>").append(text(lang.pick("Would this address be allowed?", "このアドレスは許可されますか？")))
                .append("</h2><form method=\"get\" action=\"/connect/check\" class=\"inline\">")
                .append("<input type=\"hidden\" name=\"profile\" value=\"").append(attr(p.id())).append("\">")
                .append("<input name=\"ip\" required maxlength=\"50\" placeholder=\"198.51.100.23\" aria-label=\"IP\">")
                .append("<button type=\"submit\" class=\"secondary\">").append(text(lang.pick("Check", "確認")))
                .append("</button></form></div>");
    }

    private static void resetForm(StringBuilder b, AuthenticationProfile p, Lang lang) {
        b.append("<div class=\"card\"><h2>").append(text(lang.pick("Reset", "リセット"))).append("</h2><p class=\"muted\">")
                .append(text(lang.pick("Empty both lists (you will be asked to confirm).", "両方のリストを空にします (確認があります)。")))
                .append("</p><form method=\"post\" action=\"/connect\" class=\"inline\">");
        hidden(b, p, "reset");
        b.append("<button type=\"submit\" class=\"danger\">").append(text(lang.pick("Reset…", "リセット…")))
                .append("</button></form></div>");
    }

    private static void rules(StringBuilder b, Lang lang) {
        b.append("<div class=\"card\"><h2>").append(text(lang.pick("What the rules mean", "ルールの意味"))).append("</h2><ul><li>")
                .append(text(lang.pick("An address in any blocked entry is refused: blocked wins, even inside an allowed range.",
                        "ブロックリストのいずれかに含まれるアドレスは拒否されます。許可範囲の中でもブロックが優先されます。")))
                .append("</li><li>").append(text(lang.pick(
                        "Otherwise: an empty allowed list lets everyone in; a non-empty one lets in only addresses inside its entries.",
                        "それ以外の場合、許可リストが空ならすべてのアドレスが許可され、空でなければその範囲内のアドレスだけが許可されます。")))
                .append("</li><li>").append(text(lang.pick(
                        "The emergency admin login from the AWS console is never IP-restricted.",
                        "AWS マネジメントコンソールからの緊急管理者ログインには IP 制限は適用されません。")))
                .append("</li></ul></div>");
    }

    static String reason(IpRules.Verdict v, Lang lang) {
        String entry = v.entry();
        switch (v.reason()) {
            case BLOCKED_BY_ENTRY:
                return lang.pick("Refused: it is in the blocked entry " + entry + " (blocked wins).",
                        "拒否: ブロック対象 " + entry + " に含まれます (ブロックが優先)。");
            case ALLOWED_LIST_EMPTY:
                return lang.pick("Allowed: it is not blocked and the allowed list is empty, so every address may sign in.",
                        "許可: ブロックされておらず、許可リストが空なのですべてのアドレスが許可されます。");
            case ALLOWED_BY_ENTRY:
                return lang.pick("Allowed by the entry " + entry + ".", "許可: 許可対象 " + entry + " に含まれます。");
            default:
                return lang.pick("Refused: it is in none of the allowed entries.", "拒否: 許可リストのどのエントリにも含まれません。");
        }
    }

    private static String state(IpRules.Verdict v, Lang lang) {
        return v.allowed()
                ? "<span class=\"state ok\">" + text(lang.pick("Allowed", "許可")) + "</span>"
                : "<span class=\"state bad\">" + text(lang.pick("Refused", "拒否")) + "</span>";
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

    private static String time(Instant t) {
        return t == null ? "–" : SHOWN.format(t);
    }
}
