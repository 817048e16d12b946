package dev.switchboard.connect.rules;

import dev.switchboard.core.http.SwitchboardException;

/**
 * 409: after the change the admin's own current address would be refused. Nothing was written; the change
 * goes through only when confirmed ({@code confirmLockout=yes}).
 */
public final class LockoutException extends SwitchboardException {

    private final transient AuthenticationProfile current;
    private final transient ChangeRequest request;
    private final transient IpRules.Verdict verdict;

    public LockoutException(AuthenticationProfile current, ChangeRequest request, IpRules.Verdict verdict) {
        super(ConnectErrors.WOULD_LOCK_OUT, verdict.address());
        this.current = current;
        this.request = request;
        this.verdict = verdict;
    }

    public AuthenticationProfile current() {
        return current;
    }

    public ChangeRequest request() {
        return request;
    }

    public IpRules.Verdict verdict() {
        return verdict;
    }
}
