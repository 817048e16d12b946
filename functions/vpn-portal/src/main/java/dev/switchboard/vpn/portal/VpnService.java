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
import dev.switchboard.vpn.Parallel;
import dev.switchboard.vpn.Route;
import dev.switchboard.vpn.UsageLedger;
import dev.switchboard.vpn.VpnSettings;
import dev.switchboard.vpn.VpnTags;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

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
 *
 * <p>Every AWS call costs a round trip of tens of milliseconds, so calls that do not need each other's
 * answers are made at once ({@link Parallel}): a read answers in one round trip (endpoint, associations and
 * connections together), a visit that turns the VPN on in two (what it must read, then every write, whose
 * answers say what the page shows: nothing is read back). The connections are read only where the answer
 * shows them and someone may be connected.
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

        VpnState state() {
            return VpnState.of(associations);
        }
    }

    /**
     * Where the VPN stands, in one round trip: the endpoint, its associations and its connections read at once
     * (the connections are wanted whenever anything is associated, and waiting to know would cost a second
     * round trip). Reads only: never associates, creates a route or writes a tag.
     */
    public VpnStatus status() {
        Everything read = readEverything();
        Snapshot snapshot = new Snapshot(Parallel.join(read.endpoint()), read.associations());
        return describe(snapshot, read.people(snapshot.associations()));
    }

    /**
     * The endpoint, its associations and its connections, asked for at once and all answered: one round trip. The
     * associations are joined by the caller (their failure is the caller's failure); the endpoint is left to the
     * caller, which may go on without it.
     */
    private record Everything(CompletableFuture<Endpoint> endpoint, CompletableFuture<List<Association>> pending,
                              CompletableFuture<List<Connection>> connections) {

        List<Association> associations() {
            return Parallel.join(pending);
        }

        /** Nobody can be connected without an association: then the list is not needed, even if it failed. */
        List<Connection> people(List<Association> associations) {
            return VpnState.of(associations) == VpnState.OFF ? List.of() : Parallel.join(connections);
        }
    }

    private Everything readEverything() {
        String id = settings.endpointId();
        Everything read = new Everything(Parallel.start(() -> vpn.endpoint(id)),
                Parallel.start(() -> vpn.associations(id)), Parallel.start(() -> vpn.connections(id)));
        Parallel.settle(List.of(read.endpoint(), read.pending(), read.connections()));
        return read;
    }

    /**
     * What the page does when an employee opens it. A visit that may act (see the routes) turns the VPN on
     * when it is {@link VpnState#OFF} and otherwise runs the repairs; any other visit only reads.
     */
    public VpnStatus visit(Actor actor, boolean mayTurnOn) {
        if (!mayTurnOn) {
            return status();
        }
        Snapshot snapshot = read();
        if (snapshot.state() == VpnState.OFF) {
            return turnOn(actor, snapshot).status();
        }
        return repairAndDescribe(snapshot, actor);
    }

    /** The scheduled repairs (see the class comment); never turns on a VPN that nobody asked for. */
    public VpnStatus repair(Actor actor) {
        return repairAndDescribe(read(), actor);
    }

    /**
     * Associates every target subnet that has no association in progress or done, and nothing else.
     * Writes an audit line only when this call started an association; runs the repairs when it started none.
     */
    public TurnOnResult turnOn(Actor actor) {
        return turnOn(actor, read());
    }

    /**
     * The turn-on's writes, all at once (the second round trip after {@link #read}): one association per free
     * subnet and the tags that say who turned the VPN on, with the connections read beside them when a subnet
     * was already associated. The page is drawn from their answers. When several people turn the VPN on in
     * the same instant, EC2 accepts one association per subnet and refuses the others as duplicates; each of
     * them has written the same tags, so the last writer's name stays, while the audit names whoever EC2
     * accepted.
     */
    private TurnOnResult turnOn(Actor actor, Snapshot snapshot) {
        String id = settings.endpointId();
        if (snapshot.state() == VpnState.TURNING_OFF) {
            return new TurnOnResult(TurnOnResult.Outcome.TURNING_OFF, List.of(), describe(snapshot, connections(snapshot)));
        }
        List<String> free = settings.subnetIds().stream()
                .filter(subnet -> occupying(snapshot.associations(), subnet).isEmpty()).toList();
        if (free.isEmpty()) {
            return new TurnOnResult(TurnOnResult.Outcome.ALREADY_ON, List.of(), repairAndDescribe(snapshot, actor));
        }
        Map<String, String> tags = Map.of(VpnTags.TURNED_ON_BY, actor.name(),
                VpnTags.TURNED_ON_BY_SUB, actor.subject().orElse(""),
                VpnTags.TURNED_ON_AT, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        Map<String, CompletableFuture<Optional<Association>>> starts = new LinkedHashMap<>();
        for (String subnet : free) {
            starts.put(subnet, Parallel.start(() -> vpn.associate(id, subnet)));
        }
        CompletableFuture<Void> tagged = Parallel.start(() -> {
            vpn.tag(id, tags);
            return null;
        });
        boolean someoneMayBeConnected = snapshot.state() != VpnState.OFF;
        CompletableFuture<List<Connection>> connections = someoneMayBeConnected
                ? Parallel.start(() -> vpn.connections(id)) : Parallel.known(List.of());
        // Routes of subnets already associated, created blind in the same round trip: EC2 answers a duplicate
        // for one that exists, which costs less than reading the routes first.
        Map<VpnSettings.RouteSpec, CompletableFuture<Boolean>> routes = new LinkedHashMap<>();
        for (VpnSettings.RouteSpec spec : dueRoutes(snapshot)) {
            routes.put(spec, Parallel.start(() -> vpn.createRoute(id, spec.cidr(), spec.subnetId(), ROUTE_DESCRIPTION)));
        }
        List<CompletableFuture<?>> all = new ArrayList<>(starts.values());
        all.add(tagged);
        all.add(connections);
        all.addAll(routes.values());
        Parallel.settle(all);

        List<String> started = new ArrayList<>();
        List<Association> associations = new ArrayList<>(snapshot.associations());
        SwitchboardException failure = null;
        for (Map.Entry<String, CompletableFuture<Optional<Association>>> start : starts.entrySet()) {
            try {
                Optional<Association> association = Parallel.join(start.getValue());
                association.ifPresent(a -> started.add(start.getKey()));
                // EC2 refused a duplicate: a concurrent turn-on has just started this subnet's association.
                associations.add(association.orElse(
                        new Association(null, start.getKey(), null, Association.ASSOCIATING, null)));
            } catch (SwitchboardException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            if (!started.isEmpty()) {
                recordTurnOn(actor, started, "partial");
            }
            throw failure;
        }
        if (!started.isEmpty()) {
            recordTurnOn(actor, started, "ok");
        }
        try {
            auditCreatedRoutes(actor, routes);
        } catch (SwitchboardException e) {
            // The turn-on stands; the scheduled repair creates the route on its next run.
            LOG.error("turned the VPN on but could not re-create a route", Map.of("endpointId", id, "code", e.code()), e);
        }
        Endpoint endpoint = snapshot.endpoint();
        try {
            Parallel.join(tagged);
            endpoint = withTags(endpoint, tags);
        } catch (SwitchboardException e) {
            // The associations are under way and audited; failing the request now would tell the person otherwise.
            LOG.error("turned the VPN on but could not record who did on the endpoint's tags",
                    Map.of("endpointId", id, "code", e.code()), e);
        }
        VpnStatus status = describe(new Snapshot(endpoint, List.copyOf(associations)), Parallel.join(connections));
        return started.isEmpty() ? new TurnOnResult(TurnOnResult.Outcome.ALREADY_ON, List.of(), status)
                : new TurnOnResult(TurnOnResult.Outcome.STARTED, started, status);
    }

    private void recordTurnOn(Actor actor, List<String> started, String result) {
        audit.record(AuditEvent.of(actor, "vpn.on", settings.endpointId(), result)
                .with(Map.of("subnets", List.copyOf(started))));
    }

    /**
     * Disassociates every association that is associated or associating (not those already disassociating).
     * Without {@code confirmed} nothing changes and the result says how many active connections would end.
     *
     * <p>Three round trips: what it needs, read at once (the endpoint, whose tags carry the month's ledger, the
     * associations and the connections); every disassociation at once; then the tags that say who turned it off.
     * The page is drawn from those answers, as a turn-on's is: nothing is read back.
     *
     * <p>Once one disassociation was accepted, people are being cut off: the audit line is written right
     * then, before anything else can fail, and what fails after it (another disassociation, the tags that
     * show who turned it off) is reported in the result, never thrown as if nothing had happened. Only when no
     * disassociation was accepted is the failure thrown: nothing changed.
     */
    public TurnOffResult turnOff(Actor actor, boolean confirmed) {
        String endpointId = settings.endpointId();
        Everything reads = readEverything();
        CompletableFuture<Endpoint> endpoint = reads.endpoint();
        List<Association> current = reads.associations();
        List<Connection> people = reads.people(current);
        List<Association> toCut = current.stream().filter(Association::onOrTurningOn).toList();
        int active = (int) people.stream().filter(Connection::active).count();
        if (toCut.isEmpty() || !confirmed) {
            Snapshot snapshot = new Snapshot(Parallel.join(endpoint), current);
            return TurnOffResult.nothingDone(toCut.isEmpty() ? TurnOffResult.Outcome.ALREADY_OFF
                    : TurnOffResult.Outcome.CONFIRMATION_REQUIRED, toCut.isEmpty() ? 0 : active, describe(snapshot, people));
        }
        // The endpoint's tags are for the record and the page; an admin's turn-off does not wait on them.
        Endpoint read;
        try {
            read = Parallel.join(endpoint);
        } catch (SwitchboardException e) {
            LOG.error("turning the VPN off without its tags: the endpoint could not be read",
                    Map.of("endpointId", endpointId, "code", e.code()), e);
            read = null;
        }
        Snapshot snapshot = new Snapshot(read == null ? new Endpoint(endpointId, null, Map.of()) : read, current);
        Map<Association, CompletableFuture<Boolean>> cuts = new LinkedHashMap<>();
        for (Association a : toCut) {
            cuts.put(a, Parallel.start(() -> vpn.disassociate(endpointId, a.id())));
        }
        Parallel.settle(cuts.values());
        List<String> cut = new ArrayList<>();
        List<String> notCut = new ArrayList<>();
        Map<String, String> after = new LinkedHashMap<>();  // association id → its status now, from the answers
        SwitchboardException firstFailure = null;
        for (Map.Entry<Association, CompletableFuture<Boolean>> c : cuts.entrySet()) {
            Association a = c.getKey();
            try {
                if (Parallel.join(c.getValue())) {
                    cut.add(a.subnetId());
                    after.put(a.id(), Association.DISASSOCIATING);
                } else {
                    after.put(a.id(), Association.DISASSOCIATED);  // EC2 no longer knows it: gone already
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
        Map<String, String> tags = read == null ? Map.of() : recordTurnOff(actor, cut.size(), read);
        List<Association> now = snapshot.associations().stream().map(a -> after.containsKey(a.id())
                ? new Association(a.id(), a.subnetId(), a.vpcId(), after.get(a.id()), null) : a).toList();
        Endpoint tagged = tags.isEmpty() ? snapshot.endpoint() : withTags(snapshot.endpoint(), tags);
        return new TurnOffResult(notCut.isEmpty() ? TurnOffResult.Outcome.STARTED : TurnOffResult.Outcome.PARTIAL,
                cut, notCut, active, !tags.isEmpty(), describe(new Snapshot(tagged, now), people));
    }

    /**
     * The tags that show who turned the VPN off, with the month's ledger gaining the on-period this turn-off ends
     * (UsageLedger), in one call. Returns what was written; nothing when EC2 refused them (the audit line has it
     * anyway).
     */
    private Map<String, String> recordTurnOff(Actor actor, int subnetsCut, Endpoint endpoint) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        UsageLedger ledger = UsageLedger.read(endpoint, settings.timeZone(), now)
                .withPeriod(endpoint.turnedOnAndNotOff().orElse(null), now, subnetsCut);
        Map<String, String> tags = Map.of(VpnTags.TURNED_OFF_BY, actor.name(),
                VpnTags.TURNED_OFF_BY_SUB, actor.subject().orElse(""), VpnTags.TURNED_OFF_AT, now.toString(),
                VpnTags.USAGE, ledger.tagValue());
        try {
            vpn.tag(settings.endpointId(), tags);
            return tags;
        } catch (SwitchboardException e) {
            LOG.error("turned the VPN off but could not record who did on the endpoint's tags",
                    Map.of("endpointId", settings.endpointId(), "code", e.code()), e);
            return Map.of();
        }
    }

    // ------------------------------------------------------------------ repairs (state-changing requests only)

    /** The endpoint and its associations, read at once: one round trip. */
    private Snapshot read() {
        String id = settings.endpointId();
        CompletableFuture<Endpoint> endpoint = Parallel.start(() -> vpn.endpoint(id));
        CompletableFuture<List<Association>> associations = Parallel.start(() -> vpn.associations(id));
        Parallel.settle(List.of(endpoint, associations));
        return new Snapshot(Parallel.join(endpoint), Parallel.join(associations));
    }

    /** The connections, when anything is associated (nobody can be connected otherwise). */
    private List<Connection> connections(Snapshot snapshot) {
        return snapshot.state() == VpnState.OFF ? List.of() : vpn.connections(settings.endpointId());
    }

    /**
     * The repairs and the status, in one more round trip after {@link #read}: the connections, the routes
     * (when a subnet they need is associated) and the retries of failed subnets, at once. Only what the
     * answers ask for takes a third: the tag that marks a subnet as retried, and a missing route (once per
     * association; the every-minute repair usually gets there first).
     */
    private VpnStatus repairAndDescribe(Snapshot snapshot, Actor actor) {
        String id = settings.endpointId();
        List<String> retry = subnetsToRetry(snapshot);
        List<VpnSettings.RouteSpec> due = dueRoutes(snapshot);
        CompletableFuture<List<Connection>> connections = snapshot.state() == VpnState.OFF
                ? Parallel.known(List.of()) : Parallel.start(() -> vpn.connections(id));
        CompletableFuture<List<Route>> routes = due.isEmpty() ? Parallel.known(List.of()) : Parallel.start(() -> vpn.routes(id));
        Map<String, CompletableFuture<Optional<Association>>> retries = new LinkedHashMap<>();
        for (String subnet : retry) {
            retries.put(subnet, Parallel.start(() -> vpn.associate(id, subnet)));
        }
        List<CompletableFuture<?>> all = new ArrayList<>(retries.values());
        all.add(connections);
        all.add(routes);
        Parallel.settle(all);

        List<Association> associations = new ArrayList<>(snapshot.associations());
        List<String> retried = new ArrayList<>();
        SwitchboardException failure = null;
        for (Map.Entry<String, CompletableFuture<Optional<Association>>> r : retries.entrySet()) {
            try {
                Optional<Association> association = Parallel.join(r.getValue());
                if (association.isPresent()) {
                    retried.add(r.getKey());
                    audit.record(AuditEvent.of(actor, "vpn.retry", id, "ok").with(Map.of("subnet", r.getKey(),
                            "failedAssociation", lastFailure(snapshot.associations(), r.getKey()).get().id())));
                    associations.add(new Association(association.get().id(), r.getKey(), null,
                            association.get().status(), null));
                }
            } catch (SwitchboardException e) {
                failure = failure == null ? e : failure;
            }
        }
        List<CompletableFuture<?>> writes = new ArrayList<>();
        if (!retried.isEmpty()) {
            Instant turnedOnAt = turnOnInProgress(snapshot.endpoint()).orElseThrow();
            Set<String> marked = retriedSubnets(snapshot.endpoint(), turnedOnAt);
            marked.addAll(retried);
            writes.add(Parallel.start(() -> {
                vpn.tag(id, Map.of(VpnTags.RETRIED_SUBNETS, turnedOnAt + "|" + String.join(",", marked)));
                return null;
            }));
        }
        Map<VpnSettings.RouteSpec, CompletableFuture<Boolean>> created = failure == null
                ? createMissingRoutes(due, Parallel.join(routes)) : Map.of();
        writes.addAll(created.values());
        Parallel.settle(writes);
        auditCreatedRoutes(actor, created);
        for (CompletableFuture<?> write : writes) {
            Parallel.join(write);
        }
        if (failure != null) {
            throw failure;
        }
        return describe(new Snapshot(snapshot.endpoint(), List.copyOf(associations)), Parallel.join(connections));
    }

    /** Failed subnets to associate again: once per turn-on, within {@link #RETRY_WINDOW} of it. */
    private List<String> subnetsToRetry(Snapshot snapshot) {
        Instant turnedOnAt = turnOnInProgress(snapshot.endpoint()).orElse(null);
        if (turnedOnAt == null || clock.instant().isAfter(turnedOnAt.plus(RETRY_WINDOW))
                || snapshot.state() == VpnState.TURNING_OFF) {
            return List.of();
        }
        Set<String> retried = retriedSubnets(snapshot.endpoint(), turnedOnAt);
        return settings.subnetIds().stream()
                .filter(subnet -> !retried.contains(subnet) && occupying(snapshot.associations(), subnet).isEmpty()
                        && lastFailure(snapshot.associations(), subnet).isPresent())
                .toList();
    }

    /** The routes of {@code VPN_ROUTES} whose subnet is associated: only those can be created. */
    private List<VpnSettings.RouteSpec> dueRoutes(Snapshot snapshot) {
        return settings.routes().stream()
                .filter(r -> occupying(snapshot.associations(), r.subnetId())
                        .filter(a -> Association.ASSOCIATED.equals(a.status())).isPresent())
                .toList();
    }

    /** One audit line per route this request created (a duplicate created nothing). */
    private void auditCreatedRoutes(Actor actor, Map<VpnSettings.RouteSpec, CompletableFuture<Boolean>> created) {
        for (Map.Entry<VpnSettings.RouteSpec, CompletableFuture<Boolean>> route : created.entrySet()) {
            if (Parallel.join(route.getValue())) {
                audit.record(AuditEvent.of(actor, "vpn.route", settings.endpointId(), "ok")
                        .with(Map.of("cidr", route.getKey().cidr(), "subnet", route.getKey().subnetId())));
            }
        }
    }

    /** Starts creating every due route that is missing. */
    private Map<VpnSettings.RouteSpec, CompletableFuture<Boolean>> createMissingRoutes(List<VpnSettings.RouteSpec> due,
                                                                                      List<Route> existing) {
        Map<VpnSettings.RouteSpec, CompletableFuture<Boolean>> created = new LinkedHashMap<>();
        for (VpnSettings.RouteSpec spec : due) {
            boolean present = existing.stream().anyMatch(r -> spec.cidr().equals(r.destinationCidr())
                    && spec.subnetId().equals(r.targetSubnet()) && !"deleting".equals(r.status()));
            if (!present) {
                created.put(spec, Parallel.start(() -> vpn.createRoute(settings.endpointId(), spec.cidr(), spec.subnetId(),
                        ROUTE_DESCRIPTION)));
            }
        }
        return created;
    }

    private static Endpoint withTags(Endpoint endpoint, Map<String, String> tags) {
        Map<String, String> merged = new LinkedHashMap<>(endpoint.tags());
        merged.putAll(tags);
        return new Endpoint(endpoint.id(), endpoint.status(), merged);
    }

    // ------------------------------------------------------------------ reading

    private VpnStatus describe(Snapshot snapshot, List<Connection> connections) {
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
        List<Connection> active = connections.stream().filter(Connection::active).toList();
        long billed = associations.stream().filter(a -> a.onOrTurningOn() || a.inProgress()).count();
        return new VpnStatus(settings.endpointId(), state, subnets,
                endpoint.tag(VpnTags.TURNED_ON_BY).orElse(null), nonBlank(endpoint, VpnTags.TURNED_ON_BY_SUB),
                endpoint.instantTag(VpnTags.TURNED_ON_AT).orElse(null),
                endpoint.tag(VpnTags.TURNED_OFF_BY).orElse(null), nonBlank(endpoint, VpnTags.TURNED_OFF_BY_SUB),
                endpoint.instantTag(VpnTags.TURNED_OFF_AT).orElse(null),
                active, nextNightlyOff(), settings.idleMinutes(), settings.graceMinutes(), settings.timeZone(),
                billed * settings.hourlyPricePerSubnet(), clock.instant(),
                TurnOffPlan.of(settings, endpoint, clock.instant()), UsageLedger.soFar(endpoint, associations, settings, clock.instant()));
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
