package dev.switchboard.vpn.portal;

import dev.switchboard.core.audit.AuditEvent;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.http.SwitchboardException;
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
 * <p>Two repairs happen lazily whenever the status is read, because nothing else runs when an association
 * completes minutes after the turn-on: routes from {@code VPN_ROUTES} are re-created for associated subnets
 * (disassociation deletes them), and a subnet whose association failed is retried once per turn-on, within
 * {@link #RETRY_WINDOW} of it. Neither ever turns on a VPN that nobody asked for.
 */
public final class VpnService {

    /** A failed association is retried only this soon after a turn-on, so a stale failure never turns the VPN on. */
    static final Duration RETRY_WINDOW = Duration.ofHours(1);
    static final String ROUTE_DESCRIPTION = "Switchboard: re-created after association";

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

    /** Where the VPN stands; re-creates missing routes and retries a failed subnet once (see the class comment). */
    public VpnStatus status(String actor, String sourceIp) {
        Snapshot snapshot = new Snapshot(vpn.endpoint(settings.endpointId()), vpn.associations(settings.endpointId()));
        snapshot = retryFailedSubnets(snapshot, actor, sourceIp);
        recreateRoutes(snapshot, actor, sourceIp);
        return describe(snapshot);
    }

    /**
     * What the page does when an employee opens it: turns the VPN on only if it is {@link VpnState#OFF} and
     * the visit may act (see the routes), otherwise only reads.
     */
    public VpnStatus visit(String actor, String sourceIp, boolean mayTurnOn) {
        VpnStatus status = status(actor, sourceIp);
        if (mayTurnOn && status.state() == VpnState.OFF) {
            return turnOn(actor, sourceIp).status();
        }
        return status;
    }

    /**
     * Associates every target subnet that has no association in progress or done, and nothing else.
     * Tags the endpoint and writes an audit line only when this call started an association.
     */
    public TurnOnResult turnOn(String actor, String sourceIp) {
        String endpointId = settings.endpointId();
        List<Association> associations = vpn.associations(endpointId);
        if (VpnState.of(associations) == VpnState.TURNING_OFF) {
            return new TurnOnResult(TurnOnResult.Outcome.TURNING_OFF, List.of(), status(actor, sourceIp));
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
                recordTurnOn(actor, sourceIp, started, "partial");
            }
            throw e;
        }
        if (started.isEmpty()) {
            return new TurnOnResult(TurnOnResult.Outcome.ALREADY_ON, List.of(), status(actor, sourceIp));
        }
        recordTurnOn(actor, sourceIp, started, "ok");
        return new TurnOnResult(TurnOnResult.Outcome.STARTED, started, status(actor, sourceIp));
    }

    private void recordTurnOn(String actor, String sourceIp, List<String> started, String result) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        audit.record(AuditEvent.of(actor, sourceIp, "vpn.on", settings.endpointId(), result)
                .with(Map.of("subnets", List.copyOf(started))));
        vpn.tag(settings.endpointId(), Map.of(VpnTags.TURNED_ON_BY, actor, VpnTags.TURNED_ON_AT, now.toString()));
    }

    /**
     * Disassociates every association that is associated or associating (not those already disassociating).
     * Without {@code confirmed} nothing changes and the result says how many active connections would end.
     */
    public TurnOffResult turnOff(String actor, String sourceIp, boolean confirmed) {
        String endpointId = settings.endpointId();
        List<Association> toCut = vpn.associations(endpointId).stream().filter(Association::onOrTurningOn).toList();
        int active = toCut.isEmpty() ? 0 : (int) vpn.connections(endpointId).stream().filter(Connection::active).count();
        if (toCut.isEmpty()) {
            return new TurnOffResult(TurnOffResult.Outcome.ALREADY_OFF, List.of(), 0, status(actor, sourceIp));
        }
        if (!confirmed) {
            return new TurnOffResult(TurnOffResult.Outcome.CONFIRMATION_REQUIRED, List.of(), active,
                    status(actor, sourceIp));
        }
        List<String> cut = new ArrayList<>();
        for (Association a : toCut) {
            if (vpn.disassociate(endpointId, a.id())) {
                cut.add(a.subnetId());
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        vpn.tag(endpointId, Map.of(VpnTags.TURNED_OFF_BY, actor, VpnTags.TURNED_OFF_AT, now.toString()));
        audit.record(AuditEvent.of(actor, sourceIp, "vpn.off", endpointId, "ok")
                .with(Map.of("subnets", List.copyOf(cut), "activeConnectionsCut", active)));
        return new TurnOffResult(TurnOffResult.Outcome.STARTED, cut, active, status(actor, sourceIp));
    }

    // ------------------------------------------------------------------ lazy repairs

    private Snapshot retryFailedSubnets(Snapshot snapshot, String actor, String sourceIp) {
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
                vpn.tag(settings.endpointId(), Map.of(VpnTags.RETRIED_SUBNETS, turnedOnAt + "|" + String.join(",", retried)));
                audit.record(AuditEvent.of(actor, sourceIp, "vpn.retry", settings.endpointId(), "ok")
                        .with(Map.of("subnet", subnet, "failedAssociation", lastFailure(associations, subnet).get().id())));
                associations.add(new Association(retry.get().id(), subnet, null, retry.get().status(), null));
            }
        }
        return new Snapshot(snapshot.endpoint(), List.copyOf(associations));
    }

    private void recreateRoutes(Snapshot snapshot, String actor, String sourceIp) {
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
                audit.record(AuditEvent.of(actor, sourceIp, "vpn.route", settings.endpointId(), "ok")
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
                endpoint.tag(VpnTags.TURNED_ON_BY).orElse(null), endpoint.instantTag(VpnTags.TURNED_ON_AT).orElse(null),
                endpoint.tag(VpnTags.TURNED_OFF_BY).orElse(null), endpoint.instantTag(VpnTags.TURNED_OFF_AT).orElse(null),
                active, nextNightlyOff(), settings.idleMinutes(), settings.graceMinutes(), settings.timeZone(),
                billed * settings.hourlyPricePerSubnet(), clock.instant());
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
