package dev.switchboard.devserver;

import dev.switchboard.core.text.Message;

import java.util.List;
import java.util.Optional;

/** The people you can sign in as locally; one of them is an administrator. */
public final class DemoUsers {

    /** {@code role} says what they may do; their pages' language is the browser's, not the user's. */
    public record User(String email, String username, String sub, Message role) {
    }

    public static final User EMPLOYEE = new User("taro.yamada@example.com", "taro.yamada",
            "5b6c7d8e-0000-4000-8000-000000000001", DevServerText.ROLE_EMPLOYEE);
    public static final User ADMIN = new User("hanako.sato@example.com", "hanako.sato",
            "5b6c7d8e-0000-4000-8000-000000000002", DevServerText.ROLE_ADMIN);
    static final User CONTRACTOR = new User("alex.smith@example.com", "alex.smith",
            "5b6c7d8e-0000-4000-8000-000000000003", DevServerText.ROLE_SECOND_EMPLOYEE);

    static final List<User> ALL = List.of(EMPLOYEE, ADMIN, CONTRACTOR);

    private DemoUsers() {
    }

    static Optional<User> byEmail(String email) {
        return ALL.stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst();
    }
}
