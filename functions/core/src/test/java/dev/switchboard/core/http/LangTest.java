package dev.switchboard.core.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LangTest {

    @Test
    void fromAcceptLanguage_japaneseFirst_isJapanese() {
        assertThat(Lang.fromAcceptLanguage("ja-JP,ja;q=0.9,en-US;q=0.8")).isEqualTo(Lang.JA);
    }

    @Test
    void fromAcceptLanguage_englishPreferredByQuality_isEnglish() {
        assertThat(Lang.fromAcceptLanguage("ja;q=0.5,en;q=0.9")).isEqualTo(Lang.EN);
    }

    @Test
    void fromAcceptLanguage_unknownOrMissing_isEnglish() {
        assertThat(Lang.fromAcceptLanguage("fr-FR")).isEqualTo(Lang.EN);
        assertThat(Lang.fromAcceptLanguage("")).isEqualTo(Lang.EN);
        assertThat(Lang.fromAcceptLanguage(null)).isEqualTo(Lang.EN);
        assertThat(Lang.fromAcceptLanguage("ja;q=abc,en")).isEqualTo(Lang.EN);
    }
}
