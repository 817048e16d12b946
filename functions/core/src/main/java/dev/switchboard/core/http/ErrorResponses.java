package dev.switchboard.core.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a {@link SwitchboardException} into what the user sees: JSON for scripts, a page for people. */
public final class ErrorResponses {

    /**
     * Japanese for the messages the shared layers raise (identity, request plumbing, the EC2 adapter); the
     * functions' own messages are already written in the page's language. JSON answers keep the English.
     */
    private static final Map<String, String> JAPANESE = Map.of(
            "unauthenticated", "サインインを確認できませんでした。ページを再読み込みして、もう一度サインインしてください。",
            "identity_keys_unavailable", "現在サインインを確認できません。1 分ほどしてから再度お試しください。",
            "payload_too_large", "リクエストが大きすぎます。",
            "malformed_body", "リクエストの本文を読み取れませんでした。",
            "malformed_query", "アドレスに不正なパラメーターが含まれています。",
            "vpn_unavailable", "VPN サービスが混み合っています。1 分ほどしてから再度お試しください。",
            "vpn_misconfigured", "VPN の設定に問題があります。IT 担当者に連絡してください。");

    private ErrorResponses() {
    }

    public static AlbResponse render(SwitchboardException error, boolean json, Lang lang) {
        if (json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", error.code());
            body.put("message", error.userMessage());
            return AlbResponse.json(error.status(), body);
        }
        String title = switch (error.status()) {
            case 400 -> lang.pick("That request could not be used", "リクエストを処理できません");
            case 401 -> lang.pick("Please sign in again", "もう一度サインインしてください");
            case 403 -> lang.pick("Not allowed", "権限がありません");
            case 404 -> lang.pick("Not found", "見つかりません");
            case 409 -> lang.pick("Someone else changed this", "他の人が変更しました");
            case 413 -> lang.pick("The request is too large", "リクエストが大きすぎます");
            case 503 -> lang.pick("Temporarily unavailable — try again in a minute",
                    "一時的に利用できません。1 分ほどしてから再度お試しください");
            default -> error.status() >= 500
                    ? lang.pick("Switchboard is misconfigured — please tell IT", "設定に問題があります。IT 担当者に連絡してください")
                    : lang.pick("Something went wrong", "問題が発生しました");
        };
        String message = lang == Lang.JA ? JAPANESE.getOrDefault(error.code(), error.userMessage()) : error.userMessage();
        String body = "<div class=\"card\"><h1>" + HtmlPage.text(title) + "</h1><p>" + HtmlPage.text(message)
                + "</p><p class=\"muted\"><a href=\"/\">" + HtmlPage.text(lang.pick("Back to the start page", "トップページへ"))
                + "</a></p></div>";
        return HtmlPage.of(lang, title, body).render(error.status());
    }

    /** For errors we did not foresee: a generic page; the cause goes to the log, never to the user. */
    public static AlbResponse unexpected(boolean json, Lang lang) {
        return render(new SwitchboardException(500, "internal_error",
                lang.pick("An unexpected error occurred. Please tell IT the time it happened.",
                        "予期しないエラーが発生しました。発生時刻を IT 担当者に伝えてください。")), json, lang);
    }
}
