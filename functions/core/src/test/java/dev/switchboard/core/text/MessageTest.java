package dev.switchboard.core.text;

import dev.switchboard.core.http.Lang;
import dev.switchboard.core.testing.Catalogs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTest {

    /** A catalog with every mistake the check must catch, one per entry. */
    public static final class Broken {
        public static final Message FINE = Message.of("fine", "{0} is fine", "{0} は大丈夫です");
        public static final Message NO_JAPANESE = Message.of("no_japanese", "Only English", "");
        public static final Message COPIED = Message.of("copied", "Copied text", "Copied text");
        public static final Message UNTRANSLATED = Message.of("untranslated", "Allow", "Allow ");
        public static final Message LOST_ARGUMENT = Message.of("lost_argument", "{0} is already in {1}", "{0} は既にあります");
        public static final Message ROMAJI = Message.of("romaji", "Welcome", "Yokoso");
        public static final ErrorCode BAD_CODE = ErrorCode.of("Bad-Code", Problem.INVALID, "x", "エックス");
    }

    public static final class Clash {
        public static final Message AGAIN = Message.of("fine", "again", "再び");
    }

    @Test
    void coreCatalogs_haveJapaneseForEveryCode() {
        assertThat(Catalogs.problems(CoreErrors.class, CoreText.class)).isEmpty();
    }

    @Test
    void problems_brokenCatalog_namesEachMistake() {
        assertThat(Catalogs.problems(Broken.class, Clash.class)).containsExactlyInAnyOrder(
                "Broken.NO_JAPANESE: no Japanese",
                "Broken.COPIED: the Japanese is the English copy",
                "Broken.UNTRANSLATED: the Japanese is the English copy",
                "Broken.LOST_ARGUMENT: placeholders differ: [{0}, {1}] in English, [{0}] in Japanese",
                "Broken.ROMAJI: the Japanese has no Japanese letter: Yokoso",
                "Broken.BAD_CODE: code Bad-Code is not lower_snake_case",
                "Clash.AGAIN: code fine is already used by Broken.FINE");
    }

    @Test
    void in_japanese_putsArgumentsWhereTheJapaneseSentenceWantsThem() {
        assertThat(Broken.LOST_ARGUMENT.in(Lang.EN, "10.0.0.1", "the list")).isEqualTo("10.0.0.1 is already in the list");
        assertThat(Broken.FINE.in(Lang.JA, "10.0.0.1")).isEqualTo("10.0.0.1 は大丈夫です");
    }

    @Test
    void in_messageArgument_isRenderedInTheSameLanguage() {
        assertThat(Broken.FINE.in(Lang.JA, CoreText.TITLE_FORBIDDEN)).isEqualTo("権限がありません は大丈夫です");
        assertThat(Broken.FINE.in(Lang.EN, CoreText.TITLE_FORBIDDEN)).isEqualTo("Not allowed is fine");
    }

    @Test
    void in_apostrophesAndBracesInArguments_areLeftAlone() {
        assertThat(Broken.FINE.in(Lang.EN, "'{1}'")).isEqualTo("'{1}' is fine");
        assertThat(Broken.FINE.in(Lang.EN)).isEqualTo("{0} is fine");
    }

    @Test
    void inEnglish_isWhatLogsSay() {
        assertThat(CoreErrors.INVALID_REQUESTED_BY.inEnglish()).startsWith("requestedBy must be");
    }
}
