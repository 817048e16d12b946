package dev.switchboard.core.identity;

import dev.switchboard.core.config.ConfigurationException;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The e-mails allowed to use admin actions ({@code ADMIN_EMAILS}), compared by one exact rule: both sides are
 * printable ASCII and equal once {@code A}–{@code Z} are lower-cased ({@link AsciiCase}). A signed-in address
 * with any other character is never an administrator, whatever it looks like; no locale or Unicode case folding
 * is involved (U+212A KELVIN SIGN is not {@code k}, U+0130 is not {@code i}, fullwidth or Cyrillic letters are
 * not Latin ones).
 */
public record AdminEmails(Set<String> emails) {

    public AdminEmails {
        for (String e : emails) {
            if (!AsciiCase.isPrintableAscii(e) || e.indexOf('@') <= 0) {
                // Said at start-up, naming the variable: an entry no sign-in could ever match is a typo to fix.
                throw new ConfigurationException("ADMIN_EMAILS", "'" + e + "' is not an ASCII e-mail address");
            }
        }
        emails = emails.stream().map(AsciiCase::lower).collect(Collectors.toUnmodifiableSet());
    }

    /** Parses a comma-separated list; blanks are ignored. An empty list means nobody is an admin. */
    public static AdminEmails parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return new AdminEmails(Set.of());
        }
        return new AdminEmails(Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet()));
    }

    public boolean isAdmin(Employee employee) {
        return employee != null && isAdmin(employee.email());
    }

    /** Whether a signed-in address is an administrator's: printable ASCII and listed (ASCII case aside). */
    public boolean isAdmin(String email) {
        return email != null && AsciiCase.isPrintableAscii(email) && emails.contains(AsciiCase.lower(email));
    }
}
