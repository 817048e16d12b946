package dev.switchboard.core.identity;

/**
 * Case rules for authorization, ASCII only. {@code String.toLowerCase}, {@code toUpperCase} and
 * {@code equalsIgnoreCase} fold Unicode: U+212A KELVIN SIGN lower-cases to {@code k}, U+017F LATIN SMALL LETTER
 * LONG S upper-cases to {@code S}, so a look-alike address or keyword would compare equal to the real one. Here
 * only {@code A}–{@code Z} fold; every other character, ASCII or not, stays exactly what it was.
 */
public final class AsciiCase {

    private AsciiCase() {
    }

    /** {@code text} with {@code A}–{@code Z} lower-cased and nothing else changed. */
    public static String lower(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return out == null ? text : out.toString();
    }

    /** {@code text} with {@code a}–{@code z} upper-cased and nothing else changed. */
    public static String upper(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, (char) (c - ('a' - 'A')));
            }
        }
        return out == null ? text : out.toString();
    }

    /** Equal once {@code A}–{@code Z} are lower-cased; any other difference, however it looks, counts. */
    public static boolean equalsIgnoreCase(String a, String b) {
        return a != null && b != null && a.length() == b.length() && lower(a).equals(lower(b));
    }

    /** Every character is printable ASCII ({@code !} to {@code ~}): no spaces, controls or other scripts. */
    public static boolean isPrintableAscii(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '!' || c > '~') {
                return false;
            }
        }
        return true;
    }
}
