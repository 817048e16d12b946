package dev.switchboard.core.text;

import dev.switchboard.core.http.Lang;

/** Fills a catalog text's {@code {n}} placeholders. Package-private: callers go through {@link Message#in}. */
final class Texts {

    private Texts() {
    }

    static String format(String pattern, Lang lang, Object... args) {
        if (pattern.indexOf('{') < 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && isDigits(pattern, i + 1, close)) {
                int index = Integer.parseInt(pattern, i + 1, close, 10);
                out.append(index < args.length ? render(args[index], lang) : pattern.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String render(Object arg, Lang lang) {
        return arg instanceof Message m ? m.in(lang) : String.valueOf(arg);
    }

    private static boolean isDigits(String s, int from, int to) {
        if (to - from > 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
