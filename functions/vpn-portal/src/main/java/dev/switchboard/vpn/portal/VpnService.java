package dev.switchboard.vpn.portal;

import dev.switchboard.core.audit.Actor;
import dev.switchboard.core.audit.AuditEvent;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.log.JsonLog;
import dev.switchboard.vpn.Association;
import dev.switchboard.vpn.ClientVpn;
import dev.switchboard.vpn.Connection;
import dev.switchboard.vpn.Endpoint;
import dev.switchboard.vpn.Route;
import dev.switchboard.vpn.VpnSettings;
import dev.switchboard.vpn.VpnTags;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turning the Client VPN on and off, and saying where it stands. Safe to call from many Lambda instances
 * at once: it keeps no state of its own (who and when live in the endpoint's tags) and EC2 itself refuses a
 * second association of a subnet, which {@link ClientVpn#associate} reports as "already on".
 *
 * <p>{@link #status} only reads: the page's refresh and {@code GET /status} never change anything.
 * Two repairs happen on the requests that may change state (a turn-on, a navigation to the page, the
 * scheduled {@code repair} command), because nothing else runs when an association completes minutes after
 * the turn-on: routes from {@code VPN_ROUTES} are re-created for associated subnets (disassociation deletes
 * them), and a subnet whose association failed is retried once per turn-on, within {@link #RETRY_WINDOW} of
 * it. Neither ever turns on a VPN that nobody asked for.
 */
public final class VpnService {

    /** A failed association is retried only this soon after a turn-on, so a stale failure never turns the VPN on. */
    static final Duration RETRY_WINDOW = Duration.ofHours(1);
    static final String ROUTE_DESCRIPTION = "Switchboard: re-created after association";

    private static final JsonLog LOG = JsonLog.forClass(VpnService.class);

    private final VpnSettings settings;
    private final ClientVpn vpn;
    private final Clock clock;
    private final AuditLog audit;

    public VpnService(VpnSettings settings, ClientVpn vpn, Clock clock, AuditLog audit) {
        this.settings = settings;
        this.vpn = vpn;
        this.clock = clock;
        this.audit = audit;
    }

    /** The endpoint and its associations as read at one moment. */
    private record Snapshot(Endpoint endpoint, List<Association> associations) {
    }

    /** Where the VPN stands. Reads only: never associates, creates a route or writes a tag. */
    public VpnStatus status() {
        return describe(read());
    }

    /**
     * What the page does when an employee opens it. A visit that may act (see the routes) turns the VPN on
     * when it is {@link VpnState#OFF} and otherwise runs the repairs; any other visit only reads.
     */
    public VpnStatus visit(Actor actor, boolean mayTurnOn) {
        Snapshot snapshot = read();
        if (!mayTurnOn) {
            return describe(snapshot);
        }
        if (VpnState.of(snapshot.associations()) == VpnState.OFF) {
            return turnOn(actor).status();
        }
        return describe(repair(snapshot, actor));
    }

    /** The scheduled repairs (see the class comment); never turns on a VPN that nobody asked for. */
    public VpnStatus repair(Actor actor) {
        return describe(repair(read(), actor));
    }

    /**
     * Associates every target subnet that has no association in progress or done, and nothing else.
     * Tags the endpoint and writes an audit line only when this call started an association; runs the repairs.
     */
    public TurnOnResult turnOn(Actor actor) {
        String endpointId = settings.endpointId();
        List<Association> associations = vpn.associations(endpointId);
        if (VpnState.of(associations) == VpnState.TURNING_OFF) {
            return new TurnOnResult(TurnOnResult.Outcome.TURNING_OFF, List.of(), status());
        }
        List<String> started = new ArrayList<>();
        try {
            for (String subnet : settings.subnetIds()) {
                if (occupying(associations, subnet).isEmpty()) {
                    vpn.associate(endpointId, subnet).ifPresent(a -> started.add(subnet));
                }
            }
        } catch (SwitchboardException e) {
            if (!started.isEmpty()) {
                recordTurnOn(actor, started, "partial");
            }
            throw e;
        }
        if (started.isEmpty()) {
            return new TurnOnResult(TurnOnResult.Outcome.ALREADY_ON, List.of(), repair(actor));
        }
        recordTurnOn(actor, started, "ok");
        // Subnets that were already on may still lack their routes.
        return new TurnOnResult(TurnOnResult.Outcome.STARTED, started, describe(repair(read(), actor)));
    }

    private void recordTurnOn(Actor actor, List<String> started, String result) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        audit.record(AuditEvent.of(actor, "vpn.on", settings.endpointId(), result)
                .with(Map.of("subnets", List.copyOf(started))));
        try {
            vpn.tag(settings.endpointId(), Map.of(VpnTags.TURNED_ON_BY, actor.name(),
                    VpnTags.TURNED_ON_BY_SUB, actor.subject().orElse(""), VpnTags.TURNED_ON_AT, now.toString()));
        } catch (SwitchboardException e) {
            // The associations are under way and audited; failing the request now would tell the person otherwise.
            LOG.error("turned the VPN on but could not record who did on the endpoint's tags",
                    Map.of("endpointId", settings.endpointId(), "code", e.code()), e);
        }
    }

    /**
     * Disassociates every association that is associated or associating (not those already disassociating).
     * Without {@code confirmed} nothing changes and the result says how many active connections would end.
     *
     * <p>Once one disassociation was accepted, people are being cut off: the audit line is written right
     * then, before anything else can fail, and what fails after it (another disassociation, the tags that
     * show who turned it off, reading the status back) is reported in the result, never thrown as if
     * nothing had happened. Only when no disassociation was accepted is the failure thrown: nothing changed.
     */
    public TurnOffResult turnOff(Actor actor, boolean confirmed) {
        String endpointId = settings.endpointId();
        List<Association> toCut = vpn.associations(endpointId).stream().filter(Association::onOrTurningOn).toList();
        int active = toCut.isEmpty() ? 0 : (int) vpn.connections(endpointId).stream().filter(Connection::active).count();
        if (toCut.isEmpty()) {
            return TurnOffResult.nothingDone(TurnOffResult.Outcome.ALREADY_OFF, 0, status());
        }
        if (!confirmed) {
            return TurnOffResult.nothingDone(TurnOffResult.Outcome.CONFIRMATION_REQUIRED, active, status());
        }
        List<String> cut = new ArrayList<>();
        List<String> notCut = new ArrayList<>();
        SwitchboardException firstFailure = null;
        for (Association a : toCut) {
            try {
                if (vpn.disassociate(endpointId, a.id())) {
                    cut.add(a.subnetId());
                }
            } catch (SwitchboardException e) {
                // Keep going: the admin wants it off, and each subnet left associated keeps costing.
                notCut.add(a.subnetId());
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (cut.isEmpty() && firstFailure != null) {
            audit.record(AuditEvent.of(actor, "vpn.off", endpointId, "failed")
                    .with(Map.of("subnets", List.of(), "failedSubnets", List.copyOf(notCut), "error", firstFailure.code())));
            throw firstFailure;
        }
        audit.record(AuditEvent.of(actor, "vpn.off", endpointId, notCut.isEmpty() ? "ok" : "partial")
                .with(Map.of("subnets", List.copyOf(cut), "failedSubnets", List.copyOf(notCut),
                        "activeConnectionsCut", active)));
        boolean recorded = recordTurnOff(actor);
        return new TurnOffResult(notCut.isEmpty() ? TurnOffResult.Outcome.STARTED : TurnOffResult.Outcome.PARTIAL,
                cut, notCut, active, recorded, statusAfterChange());
    }

    /** The tags that show who turned the VPN off; false when EC2 refused them (the audit line has it anyway). */
    private boolean recordTurnOff(Actor actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            vpn.tag(settings.endpointId(), Map.of(VpnTags.TURNED_OFF_BY, actor.name(),
                    VpnTags.TURNED_OFF_BY_SUB, actor.subject().orElse(""), VpnTags.TURNED_OFF_AT, now.toString()));
            return true;
        } catch (SwitchboardException e) {
            LOG.error("turned the VPN off but could not record who did on the endpoint's tags",
                    Map.of("endpointId", settings.endpointId(), "code", e.code()), e);
            return false;
        }
    }

    /** The status after a change that already happened: a failed read must not hide the change. Null then. */
    private VpnStatus statusAfterChange() {
        try {
            return status();
        } catch (SwitchboardException e) {
            LOG.error("changed the VPN but could not read its status back",
                    Map.of("endpointId", settings.endpointId(), "code", e.code()), e);
            return null;
        }
    }

    // ------------------------------------------------------------------ repairs (state-changing requests only)

    private Snapshot read() {
        return new Snapshot(vpn.endpoint(settings.endpointId()), vpn.associations(settings.endpointId()));
    }

    private Snapshot repair(Snapshot snapshot, Actor actor) {
        Snapshot retried = retryFailedSubnets(snapshot, actor);
        recreateRoutes(retried, actor);
        return retried;
    }

    private Snapshot retryFailedSubnets(Snapshot snapshot, Actor actor) {
        Instant turnedOnAt = turnOnInProgress(snapshot.endpoint()).orElse(null);
        if (turnedOnAt == null || clock.instant().isAfter(turnedOnAt.plus(RETRY_WINDOW))
                || VpnState.of(snapshot.associations()) == VpnState.TURNING_OFF) {
            return snapshot;
        }
        Set<String> retried = retriedSubnets(snapshot.endpoint(), turnedOnAt);
        List<Association> associations = new ArrayList<>(snapshot.associations());
        for (String subnet : settings.subnetIds()) {
            if (retried.contains(subnet) || occupying(associations, subnet).isPresent()
                    || lastFailure(associations, subnet).isEmpty()) {
                continue;
            }
            Optional<Association> retry = vpn.associate(settings.endpointId(), subnet);
            if (retry.isPresent()) {
                retried.add(subnet);
                audit.record(AuditEvent.of(actor, "vpn.retry", settings.endpointId(), "ok")
                        .with(Map.of("subnet", subnet, "failedAssociation", lastFailure(associations, subnet).get().id())));
                vpn.tag(settings.endpointId(), Map.of(VpnTags.RETRIED_SUBNETS, turnedOnAt + "|" + String.join(",", retried)));
                associations.add(new Association(retry.get().id(), subnet, null, retry.get().status(), null));
            }
        }
        return new Snapshot(snapshot.endpoint(), List.copyOf(associations));
    }

    private void recreateRoutes(Snapshot snapshot, Actor actor) {
        List<VpnSettings.RouteSpec> due = settings.routes().stream()
                .filter(r -> occupying(snapshot.associations(), r.subnetId())
                        .filter(a -> Association.ASSOCIATED.equals(a.status())).isPresent())
                .toList();
        if (due.isEmpty()) {
            return;
        }
        List<Route> existing = vpn.routes(settings.endpointId());
        for (VpnSettings.RouteSpec spec : due) {
            boolean present = existing.stream().anyMatch(r -> spec.cidr().equals(r.destinationCidr())
                    && spec.subnetId().equals(r.targetSubnet()) && !"deleting".equals(r.status()));
            if (!present && vpn.createRoute(settings.endpointId(), spec.cidr(), spec.subnetId(), ROUTE_DESCRIPTION)) {
                audit.record(AuditEvent.of(actor, "vpn.route", settings.endpointId(), "ok")
                        .with(Map.of("cidr", spec.cidr(), "subnet", spec.subnetId())));
            }
        }
    }

    // ------------------------------------------------------------------ reading

    private VpnStatus describe(Snapshot snapshot) {
        Endpoint endpoint = snapshot.endpoint();
        List<Association> associations = snapshot.associations();
        VpnState state = VpnState.of(associations);
        boolean wanted = turnOnInProgress(endpoint).isPresent();
        List<SubnetStatus> subnets = new ArrayList<>();
        for (String subnet : settings.subnetIds()) {
            Optional<Association> current = occupying(associations, subnet);
            Optional<Association> failure = lastFailure(associations, subnet);
            if (current.isPresent()) {
                subnets.add(new SubnetStatus(subnet, current.get().status(), current.get().id(), false, null));
            } else if (failure.isPresent() && wanted) {
                subnets.add(new SubnetStatus(subnet, Association.FAILED, failure.get().id(), true, failure.get().message()));
            } else {
                subnets.add(new SubnetStatus(subnet, SubnetStatus.NOT_ASSOCIATED, null, false, null));
            }
        }
        // Nobody can be connected without an association; skip the call when there is none.
        List<Connection> active = state == VpnState.OFF ? List.of()
                : vpn.connections(settings.endpointId()).stream().filter(Connection::active).toList();
        long billed = associations.stream().filter(a -> a.onOrTurningOn() || a.inProgress()).count();
        return new VpnStatus(settings.endpointId(), state, subnets,
                endpoint.tag(VpnTags.TURNED_ON_BY).orElse(null), nonBlank(endpoint, VpnTags.TURNED_ON_BY_SUB),
                endpoint.instantTag(VpnTags.TURNED_ON_AT).orElse(null),
                endpoint.tag(VpnTags.TURNED_OFF_BY).orElse(null), nonBlank(endpoint, VpnTags.TURNED_OFF_BY_SUB),
                endpoint.instantTag(VpnTags.TURNED_OFF_AT).orElse(null),
                active, nextNightlyOff(), settings.idleMinutes(), settings.graceMinutes(), settings.timeZone(),
                billed * settings.hourlyPricePerSubnet(), clock.instant());
    }

    private static String nonBlank(Endpoint endpoint, String key) {
        return endpoint.tag(key).filter(v -> !v.isBlank()).orElse(null);
    }

    /** The last turn-on, when no turn-off came after it: the VPN is wanted on. */
    private static Optional<Instant> turnOnInProgress(Endpoint endpoint) {
        Instant on = endpoint.instantTag(VpnTags.TURNED_ON_AT).orElse(null);
        Instant off = endpoint.instantTag(VpnTags.TURNED_OFF_AT).orElse(null);
        return on != null && (off == null || off.isBefore(on)) ? Optional.of(on) : Optional.empty();
    }

    private static Set<String> retriedSubnets(Endpoint endpoint, Instant turnedOnAt) {
        String value = endpoint.tag(VpnTags.RETRIED_SUBNETS).orElse("");
        String prefix = turnedOnAt + "|";
        Set<String> out = new LinkedHashSet<>();
        if (value.startsWith(prefix)) {
            Arrays.stream(value.substring(prefix.length()).split(",")).filter(s -> !s.isBlank()).forEach(out::add);
        }
        return out;
    }

    private static Optional<Association> occupying(List<Association> associations, String subnet) {
        return associations.stream().filter(a -> subnet.equals(a.subnetId()))
                .filter(a -> a.onOrTurningOn() || Association.DISASSOCIATING.equals(a.status())).findFirst();
    }

    private static Optional<Association> lastFailure(List<Association> associations, String subnet) {
        Association last = null;
        for (Association a : associations) {
            if (subnet.equals(a.subnetId()) && Association.FAILED.equals(a.status())) {
                last = a;
            }
        }
        return Optional.ofNullable(last);
    }

    private Instant nextNightlyOff() {
        return settings.nightlyOffTime().map(time -> {
            ZonedDateTime now = clock.instant().atZone(settings.timeZone());
            ZonedDateTime next = now.toLocalDate().atTime(time).atZone(settings.timeZone());
            return (next.isAfter(now) ? next : now.toLocalDate().plusDays(1).atTime(time).atZone(settings.timeZone()))
                    .toInstant();
        }).orElse(null);
    }
}
