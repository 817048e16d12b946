package dev.switchboard.connect.rules;

import dev.switchboard.core.http.SwitchboardException;

/** 409: the profile changed since the page was built; nothing was written. Carries the current profile. */
public final class StaleProfileException extends SwitchboardException {

    private final transient AuthenticationProfile current;
    private final transient ChangeRequest request;

    public StaleProfileException(AuthenticationProfile current, ChangeRequest request) {
        super(ConnectErrors.STALE_PROFILE);
        this.current = current;
        this.request = request;
    }

    public AuthenticationProfile current() {
        return current;
    }

    public ChangeRequest request() {
        return request;
    }
}
