package dev.switchboard.core.http;

import dev.switchboard.core.text.CoreErrors;
import dev.switchboard.core.text.CoreText;
import dev.switchboard.core.text.Message;
import dev.switchboard.core.text.Problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The edge's one mapping from a {@link SwitchboardException} to what the caller sees: the HTTP status from the
 * error's {@link Problem}, the text from the catalog in the reader's language (JSON too: a script that sends
 * {@code Accept-Language: ja} reads Japanese; the {@code error} code is the same in every language), a page for
 * people and JSON for scripts.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    /** The HTTP status of each kind of problem: here and nowhere else. */
    public static int status(Problem problem) {
        return switch (problem) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
            case MISCONFIGURED, INTERNAL -> 500;
        };
    }

    /** The JSON body of an error: a stable code and the message. */
    public static Map<String, Object> jsonBody(SwitchboardException error, Lang lang) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.code());
        body.put("message", error.message(lang));
        return body;
    }

    /**
     * The error page. Its way back never leads to {@code /}, which turns the VPN on: "Go back" returns through the
     * browser's history (the page the person came from, with what they typed still in its fields); with scripts
     * off it is a plain link to {@code homePath}, the function's read-only page.
     */
    public static AlbResponse render(SwitchboardException error, boolean json, Lang lang, String homePath) {
        int status = status(error.problem());
        if (json) {
            return AlbResponse.json(status, jsonBody(error, lang));
        }
        String title = title(error.problem()).in(lang);
        String body = "<div class=\"card\"><h1>" + HtmlPage.text(title) + "</h1><p>"
                + HtmlPage.text(error.message(lang)) + "</p><p><a id=\"back\" class=\"button\" href=\""
                + HtmlPage.attr(homePath) + "\">"
                + HtmlPage.text(CoreText.BACK.in(lang)) + "</a></p><p class=\"muted\">"
                + HtmlPage.text(CoreText.BACK_HINT.in(lang)) + " <a href=\"" + HtmlPage.attr(homePath) + "\">"
                + HtmlPage.text(CoreText.TO_HOME.in(lang)) + "</a></p></div>";
        return HtmlPage.of(lang, title, body).withScript(BACK_SCRIPT).render(status);
    }

    /**
     * Upgrades "Go back" to the browser's Back when there is a page to go back to, so the form comes back as it
     * was typed. Allowed by its hash in the page's CSP (no inline handlers, no {@code 'unsafe-inline'}).
     */
    static final String BACK_SCRIPT = "document.getElementById('back').addEventListener('click',function(e){"
            + "if(history.length>1){e.preventDefault();history.back();}});";

    /** For errors we did not foresee: a generic page; the cause goes to the log, never to the user. */
    public static AlbResponse unexpected(boolean json, Lang lang, String homePath) {
        return render(new SwitchboardException(CoreErrors.INTERNAL_ERROR), json, lang, homePath);
    }

    private static Message title(Problem problem) {
        return switch (problem) {
            case INVALID -> CoreText.TITLE_INVALID;
            case UNAUTHENTICATED -> CoreText.TITLE_UNAUTHENTICATED;
            case FORBIDDEN -> CoreText.TITLE_FORBIDDEN;
            case NOT_FOUND -> CoreText.TITLE_NOT_FOUND;
            case METHOD_NOT_ALLOWED -> CoreText.TITLE_METHOD_NOT_ALLOWED;
            case CONFLICT -> CoreText.TITLE_CONFLICT;
            case TOO_LARGE -> CoreText.TITLE_TOO_LARGE;
            case UNAVAILABLE -> CoreText.TITLE_UNAVAILABLE;
            case MISCONFIGURED -> CoreText.TITLE_MISCONFIGURED;
            case INTERNAL -> CoreText.TITLE_INTERNAL;
        };
    }
}
