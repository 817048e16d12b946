package dev.switchboard.core.identity;

import dev.switchboard.core.config.ConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who is an administrator: one exact ASCII rule, whatever a look-alike address looks like (issue 13.1). */
class AdminEmailsTest {

    private static final AdminEmails ADMINS = AdminEmails.parse(
            "kate@example.com, sam@example.com, ian@example.com, eva@example.com, Oscar@Example.COM");

    private static Employee employee(String email) {
        return new Employee(email, "someone", "sub-1", "203.0.113.7");
    }

    @Test
    void isAdmin_listedAddressInAnyAsciiCase_isAdmin() {
        assertThat(ADMINS.isAdmin(employee("kate@example.com"))).isTrue();
        assertThat(ADMINS.isAdmin(employee("KATE@EXAMPLE.COM"))).isTrue();
        assertThat(ADMINS.isAdmin(employee("oscar@example.com"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\u212Aate@example.com",          // KELVIN SIGN: toLowerCase(Locale.ROOT) gives "kate@example.com"
            "\u212AATE@EXAMPLE.COM",
            "\u017Fam@example.com",           // LATIN SMALL LETTER LONG S: upper-cases to S, equalsIgnoreCase("sam")
            "\u0130an@example.com",           // LATIN CAPITAL LETTER I WITH DOT ABOVE
            "\u0131an@example.com",           // LATIN SMALL LETTER DOTLESS I: upper-cases to I
            "\uFF4B\uFF41\uFF54\uFF45@example.com", // fullwidth "kate"
            "kate@\uFF45xample.com",          // a fullwidth letter in the domain
            "\u0435va@example.com",           // CYRILLIC SMALL LETTER IE
            "eva@ex\u0430mple.com",           // CYRILLIC SMALL LETTER A
            "\u043Escar@example.com",         // CYRILLIC SMALL LETTER O
            "kate@example.com\u200B",         // ZERO WIDTH SPACE
            "kate\u0301@example.com",         // a combining accent
            "kate@example.com ",
            " kate@example.com",
            "kate@example.com\u0000"
    })
    void isAdmin_lookAlikeOfAnAdmin_isNeverAdmin(String lookAlike) {
        assertThat(ADMINS.isAdmin(employee(lookAlike))).isFalse();
        assertThat(ADMINS.isAdmin(lookAlike)).isFalse();
    }

    @Test
    void isAdmin_nobodyOrNull_isNeverAdmin() {
        assertThat(AdminEmails.parse("").isAdmin(employee("kate@example.com"))).isFalse();
        assertThat(ADMINS.isAdmin((Employee) null)).isFalse();
        assertThat(ADMINS.isAdmin((String) null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u212Aate@example.com", "k\u00E4te@example.com", "kate", "@example.com", "ka te@example.com"})
    void parse_notAnAsciiAddress_failsNamingTheVariable(String entry) {
        assertThatThrownBy(() -> AdminEmails.parse("admin@example.com," + entry))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("ADMIN_EMAILS");
    }

    @Test
    void asciiCase_foldsOnlyAsciiLetters() {
        assertThat(AsciiCase.lower("KATE@Example.COM")).isEqualTo("kate@example.com");
        assertThat(AsciiCase.lower("\u212Aate")).isEqualTo("\u212Aate");
        assertThat(AsciiCase.upper("\u017Fam")).isEqualTo("\u017FAM");
        assertThat(AsciiCase.equalsIgnoreCase("yes", "YES")).isTrue();
        assertThat(AsciiCase.equalsIgnoreCase("ye\u017F", "yes")).isFalse();
        assertThat("ye\u017F".equalsIgnoreCase("yes")).as("why String.equalsIgnoreCase is not used").isTrue();
    }
}
