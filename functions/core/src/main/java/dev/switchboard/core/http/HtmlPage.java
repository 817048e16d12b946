package dev.switchboard.core.http;

import org.owasp.encoder.Encode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An HTML page in the Switchboard look. Text goes through {@link #text} / {@link #attr} (OWASP Encoder);
 * inline style and script are allowed by the Content-Security-Policy only through their SHA-256 hashes,
 * so an injected script would not run even if escaping were ever missed.
 */
public final class HtmlPage {

    /** One small stylesheet for every page; readable on a phone, no external fonts or assets. */
    public static final String STYLE = """
            :root{color-scheme:light dark;--fg:#1b1f24;--muted:#5a6470;--bg:#f6f7f9;--card:#fff;--line:#d9dee5;\
            --ok:#1a7f37;--warn:#9a6700;--bad:#cf222e;--accent:#0969da}
            @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9aa6b2;--bg:#0d1117;--card:#161b22;\
            --line:#30363d;--ok:#3fb950;--warn:#d29922;--bad:#f85149;--accent:#58a6ff}}
            *{box-sizing:border-box}
            body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans CJK JP",\
            "Noto Sans JP",sans-serif;color:var(--fg);background:var(--bg)}
            header{padding:12px 20px;border-bottom:1px solid var(--line);background:var(--card);display:flex;\
            justify-content:space-between;align-items:center;gap:12px;flex-wrap:wrap}
            header .brand{font-weight:700}header .who{color:var(--muted);font-size:14px}
            main{max-width:760px;margin:0 auto;padding:20px}
            .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:20px;margin:0 0 16px}
            h1{font-size:24px;margin:0 0 8px}h2{font-size:18px;margin:0 0 12px}
            .state{display:inline-block;padding:4px 12px;border-radius:999px;font-weight:700;border:2px solid}
            .state.ok{color:var(--ok)}.state.warn{color:var(--warn)}.state.bad{color:var(--bad)}.state.off{color:var(--muted)}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;margin:0}dt{color:var(--muted)}dd{margin:0}
            .muted{color:var(--muted)}.error{color:var(--bad)}.notice{border-left:4px solid var(--accent);padding:8px 12px;\
            background:var(--bg);margin:0 0 16px}
            .notice.bad{border-color:var(--bad)}.notice.ok{border-color:var(--ok)}
            button,.button{font:inherit;padding:10px 18px;border-radius:8px;border:1px solid var(--accent);\
            background:var(--accent);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
            button.secondary{background:transparent;color:var(--accent)}button.danger{background:var(--bad);border-color:var(--bad)}
            input,select{font:inherit;padding:8px;border:1px solid var(--line);border-radius:6px;background:var(--card);\
            color:var(--fg);max-width:100%}
            form.inline{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:8px 0}
            table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line)}
            code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:14px}
            pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
            footer{color:var(--muted);font-size:13px;text-align:center;padding:12px}
            @media (max-width:520px){dl{grid-template-columns:1fr}dt{margin-top:8px}main{padding:12px}}
            """;

    private static final String STYLE_HASH = sha256(STYLE);

    private final Lang lang;
    private final String title;
    private final String header;
    private final String body;
    private final List<String> scripts;
    private final Integer refreshSeconds;
    private final String refreshUrl;

    private HtmlPage(Lang lang, String title, String header, String body, List<String> scripts,
                     Integer refreshSeconds, String refreshUrl) {
        this.lang = lang;
        this.title = title;
        this.header = header;
        this.body = body;
        this.scripts = List.copyOf(scripts);
        this.refreshSeconds = refreshSeconds;
        this.refreshUrl = refreshUrl;
    }

    /** A page with a title (plain text, escaped here) and a body that is already safe HTML. */
    public static HtmlPage of(Lang lang, String title, String safeBodyHtml) {
        return new HtmlPage(lang, title, "", safeBodyHtml, List.of(), null, null);
    }

    /** Adds a line in the header bar, e.g. who is signed in (plain text, escaped here). */
    public HtmlPage signedInAs(String who) {
        return new HtmlPage(lang, title, who, body, scripts, refreshSeconds, refreshUrl);
    }

    /** Adds an inline script; allowed by its hash, never by {@code 'unsafe-inline'}. */
    public HtmlPage withScript(String javascript) {
        List<String> all = new ArrayList<>(scripts);
        all.add(javascript);
        return new HtmlPage(lang, title, header, body, all, refreshSeconds, refreshUrl);
    }

    /** Reloads {@code url} after some seconds (a meta refresh: works with scripts off, needs no CSP rule). */
    public HtmlPage refreshEvery(int seconds, String url) {
        return new HtmlPage(lang, title, header, body, scripts, seconds, url);
    }

    public AlbResponse render(int status) {
        StringBuilder html = new StringBuilder(body.length() + STYLE.length() + 1024);
        html.append("<!DOCTYPE html><html lang=\"").append(lang.tag()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\">")
                // No icon, said here: otherwise every view also asks for /favicon.ico and logs a 404.
                .append("<link rel=\"icon\" href=\"data:,\">");
        if (refreshSeconds != null) {
            html.append("<meta http-equiv=\"refresh\" content=\"").append(refreshSeconds).append(";url=")
                    .append(attr(refreshUrl)).append("\">");
        }
        html.append("<title>").append(text(title)).append(" · Switchboard</title><style>").append(STYLE)
                .append("</style></head><body><header><span class=\"brand\">Switchboard</span>");
        if (!header.isEmpty()) {
            html.append("<span class=\"who\">").append(text(header)).append("</span>");
        }
        html.append("</header><main>").append(body).append("</main>");
        StringBuilder scriptSrc = new StringBuilder();
        for (String script : scripts) {
            html.append("<script>").append(script).append("</script>");
            scriptSrc.append(" '").append(sha256(script)).append('\'');
        }
        html.append("</body></html>");
        String csp = "default-src 'none'; style-src '" + STYLE_HASH + "'; img-src 'self' data:; "
                + (scripts.isEmpty() ? "" : "script-src" + scriptSrc + "; connect-src 'self'; ")
                + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        return AlbResponse.html(status, html.toString(), csp);
    }

    /** Escapes text for an HTML element body. */
    public static String text(String value) {
        return Encode.forHtml(value == null ? "" : value);
    }

    /** Escapes text for a quoted HTML attribute value. */
    public static String attr(String value) {
        return Encode.forHtmlAttribute(value == null ? "" : value);
    }

    static String sha256(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
