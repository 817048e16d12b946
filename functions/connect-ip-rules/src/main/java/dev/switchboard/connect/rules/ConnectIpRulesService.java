package dev.switchboard.connect.rules;

import dev.switchboard.core.audit.Actor;
import dev.switchboard.core.audit.AuditEvent;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.http.SwitchboardException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and changes the IP rules and session durations of one Connect instance's authentication profiles.
 * A change is prepared against a fresh read: if the profile moved since the admin's page was built, nothing is
 * written (409). Connect has no conditional update, so two writes landing within the same moment can still
 * race; the check closes the window a person can see. Every attempted change writes one audit line.
 */
public final class ConnectIpRulesService {

    /** The page's facts: every profile of the instance and the chosen one in full. */
    public record View(String instanceId, List<ProfileSummary> profiles, AuthenticationProfile profile) {
        public View {
            profiles = List.copyOf(profiles);
        }
    }

    public record CheckResult(AuthenticationProfile profile, IpRules.Verdict verdict) {
    }

    /**
     * @param changed    false when the request asked for what already was (nothing sent)
     * @param normalised entries stored in another spelling than typed (e.g. 10.1.2.3/16 → 10.1.0.0/16)
     */
    public record ChangeResult(Operation operation, AuthenticationProfile before, AuthenticationProfile after,
                               boolean changed, List<IpEntry.Parsed> normalised) {
        public ChangeResult {
            normalised = List.copyOf(normalised);
        }
    }

    private final AuthenticationProfiles profiles;
    private final String instanceId;
    private final String configuredProfileId;
    private final AuditLog audit;

    /** @param configuredProfileId {@code CONNECT_AUTHENTICATION_PROFILE_ID}, or null for the instance's default */
    public ConnectIpRulesService(AuthenticationProfiles profiles, String instanceId, String configuredProfileId,
                                 AuditLog audit) {
        this.profiles = profiles;
        this.instanceId = instanceId;
        this.configuredProfileId = configuredProfileId;
        this.audit = audit;
    }

    public String instanceId() {
        return instanceId;
    }

    public View show(String requestedProfileId) {
        List<ProfileSummary> all = profiles.list(instanceId);
        String id = requestedProfileId != null ? requestedProfileId
                : configuredProfileId != null ? configuredProfileId : defaultOf(all);
        if (all.stream().noneMatch(s -> s.id().equals(id))) {
            throw new SwitchboardException(ConnectErrors.UNKNOWN_PROFILE, IpEntry.shorten(id), instanceId);
        }
        return new View(instanceId, all, profiles.describe(instanceId, id));
    }

    public CheckResult check(String requestedProfileId, String ip) {
        var address = IpEntry.parseAddress(ip);
        AuthenticationProfile profile = profiles.describe(instanceId, resolve(requestedProfileId));
        return new CheckResult(profile, profile.rules().evaluate(address));
    }

    public ChangeResult change(ChangeRequest request, Actor actor) {
        String id = resolve(request.profileId());
        AuthenticationProfile before = profiles.describe(instanceId, id);
        if (request.expectedVersion().map(v -> !v.equals(before.lastModified())).orElse(false)) {
            record(actor, request, before, before, "refused-stale");
            throw new StaleProfileException(before, request);
        }
        ProfileUpdate update = ProfileChanges.plan(request, before);
        AuthenticationProfile after = update.applyTo(before);
        List<IpEntry.Parsed> normalised = request.entries().stream().filter(IpEntry.Parsed::wasNormalised).toList();
        if (update.isEmpty()) {
            record(actor, request, before, after, "no-op");
            return new ChangeResult(request.operation(), before, after, false, normalised);
        }
        if (actor.ownAddress().isPresent() && !request.confirmLockout()) {
            List<String> wholeFamily = wholeFamilyAdded(request);
            if (!wholeFamily.isEmpty()) {
                record(actor, request, before, after, "refused-whole-family");
                throw new LockoutException(before, request, wholeFamily);
            }
            IpRules.Verdict own = after.rules().evaluate(IpEntry.parseAddress(actor.ownAddress().get()));
            if (!own.allowed()) {
                record(actor, request, before, after, "refused-lockout");
                throw new LockoutException(before, request, own);
            }
        }
        try {
            profiles.update(instanceId, id, update);
        } catch (SwitchboardException e) {
            record(actor, request, before, after, "failed");
            throw e;
        }
        record(actor, request, before, after, "ok");
        return new ChangeResult(request.operation(), before, after, true, normalised);
    }

    /**
     * The {@code 0.0.0.0/0} and {@code ::/0} entries an allow or block adds. Such an entry decides for every address
     * of its family at once — allowed, it undoes the allowed list for that family; blocked, it shuts out every agent
     * on it — which the own-address lockout check cannot see when the admin is on the other family. Removing one
     * needs no confirmation beyond the usual lockout check.
     */
    private static List<String> wholeFamilyAdded(ChangeRequest request) {
        if (request.operation() != Operation.ALLOW && request.operation() != Operation.BLOCK) {
            return List.of();
        }
        return request.entries().stream().map(IpEntry.Parsed::entry).filter(IpEntry::wholeFamily)
                .map(IpEntry::value).toList();
    }

    private String resolve(String requestedProfileId) {
        if (requestedProfileId != null) {
            return requestedProfileId;
        }
        return configuredProfileId != null ? configuredProfileId : defaultOf(profiles.list(instanceId));
    }

    private String defaultOf(List<ProfileSummary> all) {
        return all.stream().filter(ProfileSummary::isDefault).map(ProfileSummary::id).findFirst()
                .orElseThrow(() -> new SwitchboardException(ConnectErrors.NO_DEFAULT_PROFILE, instanceId));
    }

    private void record(Actor actor, ChangeRequest request, AuthenticationProfile before, AuthenticationProfile after,
                        String result) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("instanceId", instanceId);
        details.put("entries", request.entries().stream().map(p -> p.entry().value()).toList());
        details.put("before", state(before));
        details.put("after", state(after));
        if (request.confirmLockout()) {
            details.put("confirmedLockout", true);
        }
        audit.record(AuditEvent.of(actor, "connect." + request.operation().wireName(), before.id(), result).with(details));
    }

    static Map<String, Object> state(AuthenticationProfile p) {
        Map<String, Object> s = new LinkedHashMap<>();
        // Capped like every other view of a profile, so the audit line stays under CloudWatch's 256 KB event limit.
        s.put("allowedIps", new ArrayList<>(ConnectLimits.shown(p.rules().allowed())));
        s.put("blockedIps", new ArrayList<>(ConnectLimits.shown(p.rules().blocked())));
        s.put("allowedIpsCount", p.rules().allowed().size());
        s.put("blockedIpsCount", p.rules().blocked().size());
        s.put("periodicSessionDuration", p.periodicSessionDuration());
        s.put("sessionInactivityDuration", p.sessionInactivityDuration());
        return s;
    }
}
