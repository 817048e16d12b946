package dev.switchboard.vpn.autooff;

import dev.switchboard.core.audit.AuditEvent;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.log.JsonLog;
import dev.switchboard.vpn.Association;
import dev.switchboard.vpn.ClientVpn;
import dev.switchboard.vpn.Connection;
import dev.switchboard.vpn.Endpoint;
import dev.switchboard.vpn.Parallel;
import dev.switchboard.vpn.VpnSettings;
import dev.switchboard.vpn.UsageLedger;
import dev.switchboard.vpn.VpnTags;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * One auto-off run: reads the endpoint's associations (and, when it matters, its connections and tags),
 * decides, disassociates every associated subnet if the decision is to turn off, and records what really
 * happened.
 *
 * <p>A disassociation failure is not retried here: the SDK has already retried throttling and 5xx. It is
 * reported ({@code partial}/{@code failed}, {@code ok:false}) and logged at ERROR, and the next run retries
 * the subnets still associated. The invocation itself still succeeds, so the invoker gets the summary and
 * Lambda does not re-run a half-done event asynchronously; alarm on the ERROR log line, not on the
 * function's {@code Errors} metric. The TURNED_OFF tags are written only when every disassociation was
 * accepted, because only then is the VPN really going off; the audit line always says what happened.
 *
 * <p>A scheduled (force) turn-off that cannot finish — a disassociation failed, or an association was still
 * in progress — leaves an {@link VpnTags#OFF_PENDING_SINCE} mark on the endpoint. The idle checks, which
 * run every few minutes, finish it as a force turn-off, whatever the connections, unless someone turned the
 * VPN on (or it was turned off) after the mark: the nightly turn-off then still happens that night, not the
 * next one, and never undoes a deliberate turn-on.
 *
 * <p>Only associations of TARGET_SUBNET_IDS are disassociated (the function's IAM policy allows no more).
 * A subnet associated by hand outside that list is reported ({@code leftAlone}, at WARN, since it is still
 * billed) but not touched: it is someone else's decision. Any association in progress, target or not, makes
 * the run skip.
 */
public final class AutoOffService {

    static final String SOURCE_IP = "schedule";
    static final String ACTION = "vpn.off";

    private static final JsonLog LOG = JsonLog.forClass(AutoOffService.class);

    private final VpnSettings settings;
    private final ClientVpn vpn;
    private final Clock clock;
    private final AuditLog audit;
    private final IdleRule idleRule;

    public AutoOffService(VpnSettings settings, ClientVpn vpn, Clock clock, AuditLog audit) {
        this.settings = Objects.requireNonNull(settings);
        this.vpn = Objects.requireNonNull(vpn);
        this.clock = Objects.requireNonNull(clock);
        this.audit = Objects.requireNonNull(audit);
        this.idleRule = new IdleRule(settings.idleMinutes(), settings.graceMinutes(), settings.nightlyIdleMinutes());
    }

    public AutoOffSummary run(AutoOffRequest request) {
        Run run = new Run(request, clock.instant());
        // Everything a decision can need, read at once: one round trip (plus paging), whatever the mode.
        CompletableFuture<List<Association>> associations = Parallel.start(() -> vpn.associations(settings.endpointId()));
        CompletableFuture<List<Connection>> connections = Parallel.start(() -> vpn.connections(settings.endpointId()));
        Endpoint endpoint = vpn.endpoint(settings.endpointId());
        run.endpoint = endpoint;
        run.associations = Parallel.join(associations);
        run.connections(Parallel.join(connections));
        if (request.mode() == AutoOffMode.IDLE) {
            run.pendingSince = endpoint.standingMark(VpnTags.OFF_PENDING_SINCE).orElse(null);
        }
        run.nightlySince = endpoint.standingMark(VpnTags.NIGHTLY_SINCE).orElse(null);
        boolean afterNightly = request.mode() == AutoOffMode.NIGHTLY || run.nightlySince != null;
        if (request.mode() == AutoOffMode.IDLE && run.pendingSince == null && !afterNightly
                && settings.idleMinutes() == 0) {
            return run.finish(Decision.IDLE_RULE_DISABLED, "IDLE_MINUTES is 0: the idle rule is disabled");
        }
        List<Association> inProgress = run.associations.stream().filter(Association::inProgress).toList();
        if (!inProgress.isEmpty()) {
            if (request.mode() == AutoOffMode.FORCE && !request.dryRun()) {
                markPending(run);
            } else if (request.mode() == AutoOffMode.NIGHTLY && !request.dryRun()) {
                markNightly(run);
            }
            return run.finish(Decision.IN_PROGRESS, "in progress, skipped: " + describe(inProgress)
                    + (run.forced() ? "; the scheduled turn-off will be finished by a later check" : "")
                    + (request.mode() == AutoOffMode.NIGHTLY
                    ? "; the idle checks turn it off once nobody is connected" : ""));
        }
        List<Association> associated = new ArrayList<>();
        for (Association a : run.associations) {
            if (Association.ASSOCIATED.equals(a.status())) {
                (settings.subnetIds().contains(a.subnetId()) ? associated : run.leftAlone).add(a);
            }
        }
        if (associated.isEmpty()) {
            return run.finish(Decision.ALREADY_OFF, run.leftAlone.isEmpty()
                    ? "no subnet is associated: the VPN is already off"
                    : "no target subnet is associated; left alone, outside TARGET_SUBNET_IDS: " + describe(run.leftAlone));
        }
        List<Connection> active = run.active;
        String reason;
        if (run.pendingSince != null) {
            reason = "finishing the scheduled turn-off that could not complete at " + run.pendingSince
                    + (active.isEmpty() ? "" : "; cutting off " + active.size() + " active connection(s)");
        } else if (request.mode() == AutoOffMode.FORCE) {
            reason = active.isEmpty() ? "forced turn-off" : "forced turn-off; cutting off "
                    + active.size() + " active connection(s)";
        } else {
            IdleRule.Verdict verdict = idleRule.evaluate(endpoint, run.connections, run.now, afterNightly);
            run.verdict = verdict;
            if (verdict.decision() != Decision.TURN_OFF) {
                if (request.mode() == AutoOffMode.NIGHTLY && !request.dryRun()) {
                    markNightly(run);
                }
                return run.finish(verdict.decision(), verdict.reason());
            }
            reason = (request.mode() == AutoOffMode.NIGHTLY ? "nightly turn-off: " : "") + verdict.reason();
        }
        if (request.dryRun()) {
            run.saving = saving(associated.size(), run.now, request.mode());
            return run.finish(Decision.TURN_OFF, "dry run, nothing changed: would turn off (" + reason + ")");
        }
        return turnOff(run, associated, active, reason);
    }

    /**
     * Leaves the nightly mark: from now until the next turn-on or turn-off the idle checks use the nightly idle.
     * Without it the day's idle rule still turns the VPN off later: worth an alarm, not a failure.
     */
    private void markNightly(Run run) {
        mark(run, VpnTags.NIGHTLY_SINCE, run.nightlySince,
                "could not mark the nightly turn-off; the day's idle rule applies instead");
    }

    /** Leaves the mark the idle checks finish a forced turn-off from. */
    private void markPending(Run run) {
        mark(run, VpnTags.OFF_PENDING_SINCE, run.pendingSince,
                "could not mark the scheduled turn-off as pending; it will wait for the next schedule");
    }

    /** An earlier mark that still stands is kept, so the first run that could not finish is the one on record. */
    private void mark(Run run, String key, Instant standing, String failure) {
        if (standing != null) {
            return;
        }
        try {
            vpn.tag(settings.endpointId(), Map.of(key, run.now.toString()));
            run.markedPending = true;
        } catch (SwitchboardException e) {
            LOG.error(failure, Map.of("endpointId", settings.endpointId(), "code", e.code()), e);
            run.markedPending = false;
        }
    }

    private AutoOffSummary turnOff(Run run, List<Association> associated, List<Connection> active, String reason) {
        if (!active.isEmpty()) {
            // Said before acting, so the log names who lost their session even if the run dies midway.
            LOG.warn("turning the VPN off with people connected", Map.of(
                    "endpointId", settings.endpointId(), "mode", run.request.mode().wire(),
                    "activeConnections", active.size(), "activeUsernames", usernames(active)));
        }
        // One after another: at most six subnets, and a failure stays tied to its subnet.
        for (Association a : associated) {
            try {
                if (vpn.disassociate(settings.endpointId(), a.id())) {
                    run.disassociated.add(a);
                } else {
                    run.alreadyGone.add(a.id());
                }
            } catch (SwitchboardException e) {
                run.failures.add(new AutoOffSummary.Failure(a.id(), a.subnetId(), e.code(), e.userMessage()));
                if (run.firstCause == null) {
                    run.firstCause = e;
                }
            }
        }
        String actor = run.forced() ? AutoOffMode.FORCE.actor() : run.request.mode().actor();
        if (run.failures.isEmpty() && !run.disassociated.isEmpty()) {
            run.tagged = tagTurnedOff(run, actor);
        } else if (!run.failures.isEmpty() && run.forced()) {
            markPending(run);
        }
        run.saving = saving(run.disassociated.size(), run.now, run.request.mode());
        String result = run.result(Decision.TURN_OFF);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", run.forced() ? AutoOffMode.FORCE.wire() : run.request.mode().wire());
        details.put("reason", reason);
        details.put("disassociated", run.disassociated.stream().map(Association::id).toList());
        details.put("subnets", run.disassociated.stream().map(Association::subnetId).toList());
        details.put("failures", run.failures.stream().map(f -> f.associationId() + ":" + f.error()).toList());
        details.put("activeConnectionsCutOff", active.size());
        audit.record(AuditEvent.of(actor, SOURCE_IP, ACTION, settings.endpointId(),
                AutoOffSummary.DONE.equals(result) ? "ok" : result).with(details));
        return run.finish(Decision.TURN_OFF, reason);
    }

    /** The turn-off's tags and this month's ledger with the on-period that ends now, in one call. */
    private Boolean tagTurnedOff(Run run, String actor) {
        UsageLedger ledger = UsageLedger.read(run.endpoint, settings.timeZone(), run.now)
                .withPeriod(run.endpoint.turnedOnAndNotOff().orElse(null), run.now, run.disassociated.size());
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(VpnTags.TURNED_OFF_BY, actor);
        // No token behind a schedule: clear the previous admin's sub so it is never read beside this actor.
        tags.put(VpnTags.TURNED_OFF_BY_SUB, "");
        tags.put(VpnTags.TURNED_OFF_AT, run.now.toString());
        tags.put(VpnTags.USAGE, ledger.tagValue());
        try {
            vpn.tag(settings.endpointId(), tags);
            run.ledger = ledger;
            return true;
        } catch (SwitchboardException e) {
            // The VPN is going off regardless; only the page's "turned off by" line is missing. Handled here.
            LOG.error("could not record the turn-off on the endpoint's tags",
                    Map.of("endpointId", settings.endpointId(), "code", e.code()), e);
            return false;
        }
    }

    private SavingEstimate saving(int subnets, Instant now, AutoOffMode mode) {
        return SavingEstimate.of(subnets, settings.hourlyPricePerSubnet(), now, settings.timeZone(), mode,
                settings.nightlyOffTime());
    }

    private static String describe(List<Association> associations) {
        List<String> parts = new ArrayList<>();
        for (Association a : associations) {
            parts.add(a.subnetId() + " " + a.status());
        }
        return String.join(", ", parts);
    }

    private static List<String> usernames(List<Connection> connections) {
        TreeSet<String> names = new TreeSet<>();
        for (Connection c : connections) {
            names.add(c.username() == null || c.username().isBlank() ? "(unknown)" : c.username());
        }
        return List.copyOf(names);
    }

    /** The facts one run gathers, turned into its summary and its one log line. */
    private final class Run {
        final AutoOffRequest request;
        final Instant now;
        List<Association> associations;
        List<Connection> connections;
        List<Connection> active;
        IdleRule.Verdict verdict;
        final List<Association> disassociated = new ArrayList<>();
        final List<Association> leftAlone = new ArrayList<>();
        final List<String> alreadyGone = new ArrayList<>();
        final List<AutoOffSummary.Failure> failures = new ArrayList<>();
        Throwable firstCause;
        Boolean tagged;
        SavingEstimate saving;
        /** An unfinished scheduled turn-off this idle run completes; null otherwise. */
        Instant pendingSince;
        /** The nightly mark that stands, if any: the nightly idle applies. */
        Instant nightlySince;
        Endpoint endpoint;
        /** The ledger this run wrote, if it wrote one. */
        UsageLedger ledger;
        /** Whether this run left the pending mark (null: it did not try). */
        Boolean markedPending;

        Run(AutoOffRequest request, Instant now) {
            this.request = request;
            this.now = now;
        }

        /** A force run, or an idle run finishing a scheduled turn-off. */
        boolean forced() {
            return request.mode() == AutoOffMode.FORCE || pendingSince != null;
        }

        List<Connection> connections(List<Connection> all) {
            connections = all;
            active = all.stream().filter(Connection::active).toList();
            return active;
        }

        String result(Decision decision) {
            if (decision != Decision.TURN_OFF) {
                return AutoOffSummary.NO_OP;
            }
            if (request.dryRun()) {
                return AutoOffSummary.DRY_RUN;
            }
            if (failures.isEmpty()) {
                return AutoOffSummary.DONE;
            }
            return disassociated.isEmpty() && alreadyGone.isEmpty() ? AutoOffSummary.FAILED : AutoOffSummary.PARTIAL;
        }

        AutoOffSummary finish(Decision decision, String reason) {
            String result = result(decision);
            AutoOffSummary.Found found = new AutoOffSummary.Found(
                    associations == null ? null : associations.stream()
                            .map(a -> new AutoOffSummary.AssociationState(a.id(), a.subnetId(), a.status())).toList(),
                    active == null ? null : active.size(),
                    active == null ? null : usernames(active),
                    verdict == null ? null : text(verdict.turnedOnAt()),
                    verdict == null ? null : text(verdict.idleSince()),
                    verdict == null ? null : text(verdict.offAfter()));
            AutoOffSummary summary = new AutoOffSummary(failures.isEmpty(), request.mode().wire(), request.dryRun(),
                    request.trigger(), settings.endpointId(), now.toString(), found, decision.code(), reason, result,
                    disassociated.stream().map(Association::id).toList(), alreadyGone,
                    leftAlone.stream().map(Association::id).toList(), failures, tagged, saving,
                    pendingSince == null ? null : pendingSince.toString(), markedPending, month());
            log(summary, decision);
            return summary;
        }

        /** This month so far: the ledger this run wrote (nothing open any more), or the endpoint's and what is on. */
        private UsageLedger.MonthCost month() {
            if (endpoint == null) {
                return null;
            }
            if (ledger != null) {
                return ledger.cost(endpoint, 0, settings.subnetIds().size(), settings.hourlyPricePerSubnet(), now);
            }
            return UsageLedger.soFar(endpoint, associations == null ? List.of() : associations, settings, now);
        }

        private void log(AutoOffSummary summary, Decision decision) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("type", "auto-off");
            fields.putAll(Json.fields(summary));
            String message = "auto-off " + summary.mode() + ": " + summary.result() + " (" + summary.decision() + ")";
            if (!failures.isEmpty()) {
                LOG.error(message, fields, firstCause);
            } else if (request.mode() == AutoOffMode.FORCE && decision == Decision.IN_PROGRESS
                    || decision == Decision.TURN_ON_UNKNOWN || !leftAlone.isEmpty()) {
                // Something stays on (billed) although the schedule wanted it off: worth a look, not an alarm.
                LOG.warn(message, fields);
            } else {
                LOG.info(message, fields);
            }
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
