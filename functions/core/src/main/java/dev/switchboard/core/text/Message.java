package dev.switchboard.core.text;

import dev.switchboard.core.http.Lang;

/**
 * A text a person may read, with a stable code and its English and Japanese side by side. Each module keeps its
 * texts as constants in its own catalog classes (e.g. {@code ConnectErrors}, {@code PortalText}):
 * <pre>{@code
 * public static final Message TURN_ON = Message.of("turn_on", "Turn the VPN on", "VPN をオンにする");
 * }</pre>
 * so a function's jar carries only its own words, a code is a constant the compiler checks, and nothing is read
 * or parsed at start-up. {@code MessageCatalogsTest} (dev-server) finds every catalog in the sources and fails
 * on a code without Japanese, Japanese that is the English copy, or placeholders that differ.
 *
 * <p>Arguments are written {@code {0}}, {@code {1}}, … in both languages (their order may differ). An argument
 * that is itself a {@code Message} is rendered in the same language; anything else through {@code String.valueOf}.
 * No other syntax: an apostrophe is just an apostrophe (unlike {@code java.text.MessageFormat}).
 */
public interface Message {

    /** The stable code, lower_snake_case, e.g. {@code invalid_entry}. */
    String code();

    String english();

    String japanese();

    static Message of(String code, String english, String japanese) {
        return new Text(code, english, japanese);
    }

    /** The text in {@code lang} with its arguments filled in. */
    default String in(Lang lang, Object... args) {
        return Texts.format(lang == Lang.JA ? japanese() : english(), lang, args);
    }

    /** The English text with its arguments filled in: what log lines say, whatever the reader's language. */
    default String inEnglish(Object... args) {
        return in(Lang.EN, args);
    }

    /** A catalog entry. */
    record Text(String code, String english, String japanese) implements Message {
        @Override
        public String toString() {
            return code;
        }
    }
}
