package dev.switchboard.emulator;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * All emulated AWS state. Every read and write happens while holding this object's monitor
 * ({@code synchronized (state)}), so concurrent calls see one consistent state. Time-driven
 * transitions (associating → associated, disassociating → gone, route creating → active,
 * terminated connections ageing out) are applied lazily by {@link #tick()} from the emulator clock.
 */
public final class EmulatorState {

    static final Duration DEFAULT_ASSOCIATION_DELAY = Duration.ofSeconds(5);
    static final Duration DEFAULT_DISASSOCIATION_DELAY = Duration.ofSeconds(5);
    static final Duration DEFAULT_ROUTE_DELAY = Duration.ofSeconds(5);
    /** DescribeClientVpnConnections lists connections ended in the last 60 minutes. */
    static final Duration TERMINATED_RETENTION = Duration.ofMinutes(60);
    static final String DEFAULT_REGION = "ap-northeast-1";
    static final String ACCOUNT_ID = "123456789012";
    /** EC2 Client VPN times are strings like {@code 2019-08-12 07:57:14}. */
    static final DateTimeFormatter EC2_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final SecureRandom RANDOM = new SecureRandom();

    final EmulatorClock clock = new EmulatorClock();

    // ---- EC2 Client VPN ----
    final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    final Map<String, Subnet> subnets = new LinkedHashMap<>();
    /** ClientToken → association id, for idempotent AssociateClientVpnTargetNetwork. */
    final Map<String, String> associationTokens = new HashMap<>();
    final Set<String> failNextAssociation = new HashSet<>();
    Duration associationDelay = DEFAULT_ASSOCIATION_DELAY;
    Duration disassociationDelay = DEFAULT_DISASSOCIATION_DELAY;
    Duration routeDelay = DEFAULT_ROUTE_DELAY;

    // ---- Connect ----
    final Map<String, Map<String, Profile>> instances = new LinkedHashMap<>();
    String region = DEFAULT_REGION;

    // ---- SNS ----
    /** Topic ARN -> its messages, oldest first; a topic exists once seeded. */
    final Map<String, List<Published>> topics = new LinkedHashMap<>();

    /** One message SNS accepted for a topic. */
    public record Published(String topicArn, String messageId, String subject, String message) {
    }

    // ---- control ----
    final List<FaultSlot> faults = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    final List<ServiceCall> timedCalls = new ArrayList<>();
    /** Calls recorded but not yet answered (and so not yet in {@link #timedCalls}). */
    int callsInFlight;
    /** Added to every service call before it answers, as a network and AWS would (zero by default). */
    Duration latency = Duration.ZERO;
    int pageLimit = 0;

    static final class Endpoint {
        String id;
        String vpcId;
        String vpcCidr = "10.0.0.0/16";
        String description;
        String clientCidrBlock;
        Instant created;
        final Map<String, String> tags = new LinkedHashMap<>();
        final List<Association> associations = new ArrayList<>();
        final List<Route> routes = new ArrayList<>();
        final List<Connection> connections = new ArrayList<>();
        /** Subnet-time of associations that no longer occupy a subnet (see {@link #billedAssociationTime}). */
        Duration billedClosed = Duration.ZERO;

        String status() {
            for (Association a : associations) {
                if (a.status.equals("associated")) {
                    return "available";
                }
            }
            return "pending-associate";
        }
    }

    static final class Subnet {
        String id;
        String vpcId;
        String availabilityZone;
        final Map<String, String> tags = new LinkedHashMap<>();
    }

    static final class Association {
        String id;
        String endpointId;
        String subnetId;
        String vpcId;
        String availabilityZone;
        String status; // associating, associated, association-failed, disassociating
        String message;
        Instant dueAt; // when the current transitional state completes
        Instant since; // when AssociateClientVpnTargetNetwork created it
        boolean willFail;
        String clientToken;

        boolean occupiesSubnet() {
            return status.equals("associating") || status.equals("associated") || status.equals("disassociating");
        }
    }

    static final class Route {
        String destinationCidr;
        String targetSubnet;
        String type = "Nat";
        String origin; // associate | add-route
        String status; // creating, active, deleting
        String description;
        Instant dueAt;
    }

    static final class Connection {
        String endpointId;
        String connectionId;
        String username;
        String clientIp;
        String commonName;
        Instant established;
        Instant ended; // null while active
        long ingressBytes;
        long egressBytes;
        long ingressPackets;
        long egressPackets;
    }

    static final class Profile {
        String instanceId;
        String id;
        String name;
        String description;
        List<String> allowedIps = new ArrayList<>();
        List<String> blockedIps = new ArrayList<>();
        boolean isDefault;
        Instant created;
        Instant lastModified;
        String lastModifiedRegion;
        int periodicSessionDuration = 60;
        int maxSessionDuration = 720;
        int sessionInactivityDuration = 60;
        boolean sessionInactivityHandlingEnabled;
    }

    static final class FaultSlot {
        final Fault fault;
        int remaining;

        FaultSlot(Fault fault) {
            this.fault = fault;
            this.remaining = fault.count();
        }
    }

    EmulatorState() {
    }

    Instant now() {
        return clock.instant();
    }

    static String hex(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(RANDOM.nextInt(16), 16));
        }
        return sb.toString();
    }

    static String ec2Time(Instant t) {
        return t == null ? null : EC2_TIME.format(t);
    }

    // ------------------------------------------------------------------ time-driven transitions

    /** Applies every transition that is due at the current emulator time. Caller holds the lock. */
    void tick() {
        Instant now = now();
        for (Endpoint e : endpoints.values()) {
            boolean removedAny = false;
            for (Iterator<Association> it = e.associations.iterator(); it.hasNext(); ) {
                Association a = it.next();
                if (a.status.equals("associating") && !now.isBefore(a.dueAt)) {
                    if (a.willFail) {
                        e.billedClosed = e.billedClosed.plus(Duration.between(a.since, a.dueAt));
                        a.status = "association-failed";
                        a.message = "Failed to associate the target network " + a.subnetId;
                    } else {
                        a.status = "associated";
                        // the route for the VPC is added automatically (origin "associate")
                        Route r = new Route();
                        r.destinationCidr = e.vpcCidr;
                        r.targetSubnet = a.subnetId;
                        r.origin = "associate";
                        r.status = "active";
                        r.description = "Default Route";
                        e.routes.add(r);
                    }
                    a.dueAt = null;
                } else if (a.status.equals("disassociating") && !now.isBefore(a.dueAt)) {
                    e.billedClosed = e.billedClosed.plus(Duration.between(a.since, a.dueAt));
                    it.remove();
                    removedAny = true;
                    e.routes.removeIf(r -> Objects.equals(r.targetSubnet, a.subnetId));
                }
            }
            if (removedAny && e.associations.stream().noneMatch(a -> a.status.equals("associated"))) {
                // The last target network is gone: every connection ends, every route is deleted
                // (the ones added by hand too) and the endpoint is pending-associate again.
                e.routes.clear();
                for (Connection c : e.connections) {
                    if (c.ended == null) {
                        c.ended = now;
                    }
                }
            }
            for (Iterator<Route> it = e.routes.iterator(); it.hasNext(); ) {
                Route r = it.next();
                if (r.dueAt != null && !now.isBefore(r.dueAt)) {
                    if (r.status.equals("creating")) {
                        r.status = "active";
                        r.dueAt = null;
                    } else if (r.status.equals("deleting")) {
                        it.remove();
                    }
                }
            }
            Instant cutoff = now.minus(TERMINATED_RETENTION);
            e.connections.removeIf(c -> c.ended != null && c.ended.isBefore(cutoff));
        }
    }

    // ------------------------------------------------------------------ seeding (Java API)

    public synchronized void seedClientVpnEndpoint(String endpointId, String vpcId) {
        seedClientVpnEndpoint(endpointId, vpcId, "Switchboard Client VPN", "172.16.0.0/22");
    }

    public synchronized void seedClientVpnEndpoint(String endpointId, String vpcId, String description, String clientCidrBlock) {
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(vpcId, "vpcId");
        Endpoint e = new Endpoint();
        e.id = endpointId;
        e.vpcId = vpcId;
        e.description = description;
        e.clientCidrBlock = clientCidrBlock;
        e.created = now();
        endpoints.put(endpointId, e);
    }

    public synchronized void seedSubnet(String subnetId, String vpcId, String availabilityZone) {
        Subnet s = new Subnet();
        s.id = Objects.requireNonNull(subnetId, "subnetId");
        s.vpcId = Objects.requireNonNull(vpcId, "vpcId");
        s.availabilityZone = Objects.requireNonNull(availabilityZone, "availabilityZone");
        subnets.put(subnetId, s);
    }

    public synchronized void seedConnection(String endpointId, String connectionId, String username, String clientIp) {
        Endpoint e = requireEndpoint(endpointId);
        tick();
        Connection c = new Connection();
        c.endpointId = endpointId;
        c.connectionId = Objects.requireNonNull(connectionId, "connectionId");
        c.username = username;
        c.commonName = username;
        c.clientIp = clientIp;
        c.established = now();
        c.ingressBytes = 1024;
        c.egressBytes = 2048;
        c.ingressPackets = 10;
        c.egressPackets = 20;
        e.connections.removeIf(x -> x.connectionId.equals(connectionId));
        e.connections.add(c);
    }

    public synchronized void terminateConnection(String endpointId, String connectionId) {
        Endpoint e = requireEndpoint(endpointId);
        tick();
        for (Connection c : e.connections) {
            if (c.connectionId.equals(connectionId)) {
                if (c.ended == null) {
                    c.ended = now();
                }
                return;
            }
        }
        throw new IllegalArgumentException("no connection " + connectionId + " on " + endpointId);
    }

    /** Seeds a Connect instance with its default authentication profile; returns that profile's id. */
    public synchronized String seedConnectInstance(String instanceId) {
        Objects.requireNonNull(instanceId, "instanceId");
        instances.computeIfAbsent(instanceId, k -> new LinkedHashMap<>());
        for (Profile p : instances.get(instanceId).values()) {
            if (p.isDefault) {
                return p.id;
            }
        }
        String id = UUID.nameUUIDFromBytes(("default-profile:" + instanceId).getBytes(StandardCharsets.UTF_8)).toString();
        seedAuthenticationProfile(instanceId, id, "Default", true);
        return id;
    }

    public synchronized void seedAuthenticationProfile(String instanceId, String profileId, String name, boolean isDefault) {
        Map<String, Profile> profiles = instances.computeIfAbsent(instanceId, k -> new LinkedHashMap<>());
        if (isDefault) {
            profiles.values().forEach(p -> p.isDefault = false);
        }
        Profile p = new Profile();
        p.instanceId = instanceId;
        p.id = Objects.requireNonNull(profileId, "profileId");
        p.name = name;
        p.description = isDefault ? "The default authentication profile" : null;
        p.isDefault = isDefault;
        p.created = now();
        p.lastModified = p.created;
        p.lastModifiedRegion = region;
        profiles.put(profileId, p);
    }

    public synchronized void setAssociationDelay(Duration d) {
        associationDelay = nonNegative(d);
    }

    public synchronized void setDisassociationDelay(Duration d) {
        disassociationDelay = nonNegative(d);
    }

    public synchronized void setRouteDelay(Duration d) {
        routeDelay = nonNegative(d);
    }

    /** The next association of this subnet ends in {@code association-failed}. */
    public synchronized void failNextAssociation(String subnetId) {
        failNextAssociation.add(subnetId);
    }

    public synchronized void injectFault(Fault fault) {
        faults.add(new FaultSlot(Objects.requireNonNull(fault)));
    }

    public synchronized int callCount(String action) {
        return (int) calls.stream().filter(action::equals).count();
    }

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /**
     * Every answered service call with when it was received and answered, in the order they were received. A
     * call is logged just after its answer is written, so a caller that has its answer could read the log before
     * the call is in it: this waits (up to a second) for calls still being answered.
     */
    public synchronized List<ServiceCall> callLog() {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (callsInFlight > 0 && System.nanoTime() < deadline) {
            try {
                wait(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<ServiceCall> out = new ArrayList<>(timedCalls);
        out.sort(java.util.Comparator.comparingLong(ServiceCall::receivedNanos));
        return List.copyOf(out);
    }

    /** Delays every service call's answer by {@code d} (the control surface's {@code latencyMillis}). */
    public synchronized void setLatency(Duration d) {
        latency = nonNegative(d);
    }

    public synchronized Duration latency() {
        return latency;
    }

    /**
     * Caps every EC2 describe page at {@code n} items (0: no cap, pages are as large as MaxResults asks). AWS says
     * a call "can return fewer results than the maximum even when there are more results available", with a
     * NextToken; this is how a test sees a caller read every page without seeding a thousand items.
     */
    public synchronized void setPageLimit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("page limit must be 0 (none) or positive: " + n);
        }
        pageLimit = n;
    }

    public synchronized int pageLimit() {
        return pageLimit;
    }

    synchronized void callAnswered(String service, String action, long receivedNanos, long answeredNanos) {
        timedCalls.add(new ServiceCall(service, action, receivedNanos, answeredNanos));
        callsInFlight--;
        notifyAll();
    }

    /**
     * Subnet-time the endpoint has been billed for since it was seeded, as Client VPN bills it: every
     * association from the AssociateClientVpnTargetNetwork call until its disassociation completes (or its
     * association fails), per subnet. Simulations read it as the ground truth of association-hours.
     */
    public synchronized Duration billedAssociationTime(String endpointId) {
        Endpoint e = requireEndpoint(endpointId);
        tick();
        Duration total = e.billedClosed;
        for (Association a : e.associations) {
            if (a.occupiesSubnet()) {
                total = total.plus(Duration.between(a.since, now()));
            }
        }
        return total;
    }

    /** Stops the clock at {@code at}: from then on it moves only with {@link #advanceClock}. */
    public synchronized void freezeClockAt(Instant at) {
        clock.freezeAt(at);
        tick();
    }

    /** When the connection ended (by its client or by the last disassociation); empty while it is active. */
    public synchronized java.util.Optional<Instant> connectionEnd(String endpointId, String connectionId) {
        Endpoint e = requireEndpoint(endpointId);
        tick();
        for (Connection c : e.connections) {
            if (c.connectionId.equals(connectionId)) {
                return java.util.Optional.ofNullable(c.ended);
            }
        }
        // Aged out of the list: it ended more than an hour ago.
        return java.util.Optional.of(now().minus(TERMINATED_RETENTION));
    }

    /** Associations in the {@code associated} state: someone can connect. */
    public synchronized int associatedCount(String endpointId) {
        Endpoint e = requireEndpoint(endpointId);
        tick();
        return (int) e.associations.stream().filter(a -> a.status.equals("associated")).count();
    }

    /** When the next association in progress completes (associating or disassociating); empty when none is. */
    public synchronized java.util.Optional<Instant> nextAssociationChange(String endpointId) {
        Endpoint e = requireEndpoint(endpointId);
        tick();
        return e.associations.stream().map(a -> a.dueAt).filter(java.util.Objects::nonNull).min(Instant::compareTo);
    }

    /** Associations that occupy a subnet (associating, associated, disassociating): billed. */
    public synchronized int occupiedCount(String endpointId) {
        Endpoint e = requireEndpoint(endpointId);
        tick();
        return (int) e.associations.stream().filter(Association::occupiesSubnet).count();
    }

    public void advanceClock(Duration d) {
        synchronized (this) {
            clock.advance(d);
            tick();
        }
    }

    public synchronized void seedTopic(String topicArn) {
        topics.putIfAbsent(Objects.requireNonNull(topicArn), new ArrayList<>());
    }

    /** Keeps a published message; false when the topic does not exist. */
    synchronized boolean publish(String topicArn, Published message) {
        List<Published> messages = topics.get(topicArn);
        if (messages == null) {
            return false;
        }
        messages.add(message);
        return true;
    }

    /** Every message published to the topic, oldest first (empty for an unknown topic). */
    public synchronized List<Published> published(String topicArn) {
        return List.copyOf(topics.getOrDefault(topicArn, List.of()));
    }

    public synchronized void reset() {
        topics.clear();
        endpoints.clear();
        subnets.clear();
        associationTokens.clear();
        failNextAssociation.clear();
        instances.clear();
        faults.clear();
        calls.clear();
        timedCalls.clear();
        latency = Duration.ZERO;
        pageLimit = 0;
        associationDelay = DEFAULT_ASSOCIATION_DELAY;
        disassociationDelay = DEFAULT_DISASSOCIATION_DELAY;
        routeDelay = DEFAULT_ROUTE_DELAY;
        clock.reset();
    }

    private static Duration nonNegative(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive");
        }
        return d;
    }

    private Endpoint requireEndpoint(String endpointId) {
        Endpoint e = endpoints.get(endpointId);
        if (e == null) {
            throw new IllegalArgumentException("no endpoint " + endpointId + " (seed it first)");
        }
        return e;
    }

    /** Records a call and returns the fault to apply to it, if any. */
    synchronized Fault recordCall(String service, String action, Map<String, String> params) {
        calls.add(action);
        callsInFlight++;
        for (Iterator<FaultSlot> it = faults.iterator(); it.hasNext(); ) {
            FaultSlot slot = it.next();
            if (slot.fault.matches(service, action, params)) {
                if (--slot.remaining <= 0) {
                    it.remove();
                }
                return slot.fault;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ paging

    /** A page of a list and the opaque token for the next one (null when this is the last page). */
    record Page<T>(List<T> items, String nextToken) {
    }

    /**
     * Pages {@code all} by offset. Tokens are opaque base64 of "scope:offset"; a token from another
     * scope or out of range is rejected with {@code errorCode}.
     */
    static <T> Page<T> page(List<T> all, Integer maxResults, String nextToken, String scope, AwsError invalidToken) {
        int from = 0;
        if (nextToken != null && !nextToken.isEmpty()) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
                int colon = decoded.lastIndexOf(':');
                if (colon < 0 || !decoded.substring(0, colon).equals(scope)) {
                    throw invalidToken;
                }
                from = Integer.parseInt(decoded.substring(colon + 1));
            } catch (IllegalArgumentException ex) {
                throw invalidToken;
            }
            if (from < 0 || from > all.size()) {
                throw invalidToken;
            }
        }
        int size = maxResults == null ? all.size() : maxResults;
        int to = Math.min(all.size(), from + size);
        String next = to < all.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString((scope + ":" + to).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(Collections.unmodifiableList(new ArrayList<>(all.subList(from, to))), next);
    }
}
