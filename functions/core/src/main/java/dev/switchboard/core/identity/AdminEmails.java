package dev.switchboard.core.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The e-mails allowed to use admin actions ({@code ADMIN_EMAILS}); compared case-insensitively. */
public record AdminEmails(Set<String> emails) {

    public AdminEmails {
        emails = emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
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
        return employee != null && emails.contains(employee.email().toLowerCase(Locale.ROOT));
    }
}
