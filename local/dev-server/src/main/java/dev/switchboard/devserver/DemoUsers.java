package dev.switchboard.devserver;

import java.util.List;
import java.util.Optional;

/** The people you can sign in as locally; one of them is an administrator. */
public final class DemoUsers {

    public record User(String email, String username, String sub, String description) {
    }

    public static final User EMPLOYEE = new User("taro.yamada@example.com", "taro.yamada",
            "5b6c7d8e-0000-4000-8000-000000000001", "Employee");
    public static final User ADMIN = new User("hanako.sato@example.com", "hanako.sato",
            "5b6c7d8e-0000-4000-8000-000000000002", "Administrator (ADMIN_EMAILS)");
    static final User CONTRACTOR = new User("alex.smith@example.com", "alex.smith",
            "5b6c7d8e-0000-4000-8000-000000000003", "Employee (English)");

    static final List<User> ALL = List.of(EMPLOYEE, ADMIN, CONTRACTOR);

    private DemoUsers() {
    }

    static Optional<User> byEmail(String email) {
        return ALL.stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst();
    }
}
