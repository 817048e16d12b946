package dev.switchboard.connect.rules;

import dev.switchboard.core.http.SwitchboardException;

import java.util.List;
import java.util.Optional;

/**
 * 409: the change could shut people out, so nothing was written; it goes through only when confirmed
 * ({@code confirmLockout=yes}). Either the admin's own current address would be refused ({@link #verdict}), or
 * the change adds an entry that matches every address of its family ({@link #wholeFamilyEntries}:
 * {@code 0.0.0.0/0}, {@code ::/0}), which decides for everyone at once.
 */
public final class LockoutException extends SwitchboardException {

    private final transient AuthenticationProfile current;
    private final transient ChangeRequest request;
    private final transient IpRules.Verdict verdict;
    private final transient List<String> wholeFamilyEntries;

    public LockoutException(AuthenticationProfile current, ChangeRequest request, IpRules.Verdict verdict) {
        super(ConnectErrors.WOULD_LOCK_OUT, verdict.address());
        this.current = current;
        this.request = request;
        this.verdict = verdict;
        this.wholeFamilyEntries = List.of();
    }

    /** Adding {@code wholeFamilyEntries} ({@code 0.0.0.0/0}, {@code ::/0}) to the list the request names. */
    public LockoutException(AuthenticationProfile current, ChangeRequest request, List<String> wholeFamilyEntries) {
        super(request.operation() == Operation.BLOCK ? WholeFamilyText.BLOCK : WholeFamilyText.ALLOW,
                String.join(", ", wholeFamilyEntries));
        this.current = current;
        this.request = request;
        this.verdict = null;
        this.wholeFamilyEntries = List.copyOf(wholeFamilyEntries);
    }

    public AuthenticationProfile current() {
        return current;
    }

    public ChangeRequest request() {
        return request;
    }

    /** The admin's own address after the change; empty when the refusal is about a whole family. */
    public Optional<IpRules.Verdict> verdict() {
        return Optional.ofNullable(verdict);
    }

    /** The entries that match every address of their family; empty when the refusal is about the admin's address. */
    public List<String> wholeFamilyEntries() {
        return wholeFamilyEntries;
    }
}
