package dev.switchboard.core.http;

import dev.switchboard.core.text.Message;

/** The languages the pages speak. Chosen from {@code Accept-Language}, first match by quality wins. */
public enum Lang {
    EN("en"), JA("ja");

    private final String tag;

    Lang(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static Lang fromAcceptLanguage(String header) {
        Lang best = EN;
        double bestQ = -1;
        if (header == null) {
            return EN;
        }
        for (QualityList.Item item : QualityList.parse(header)) {
            String range = item.value();
            double q = item.q();
            Lang lang = range.startsWith("ja") ? JA : range.startsWith("en") ? EN : null;
            if (lang != null && q > bestQ) {
                best = lang;
                bestQ = q;
            }
        }
        return best;
    }

    /** A catalog text in this language, its {@code {n}} arguments filled in. */
    public String text(Message message, Object... args) {
        return message.in(this, args);
    }
}
