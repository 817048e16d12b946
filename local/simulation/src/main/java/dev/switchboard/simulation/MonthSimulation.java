package dev.switchboard.simulation;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.log.JsonLog;
import dev.switchboard.core.testing.AlbEvents;
import dev.switchboard.core.testing.AlbTokenSigner;
import dev.switchboard.core.testing.PublicKeyServer;
import dev.switchboard.emulator.AwsEmulator;
import dev.switchboard.vpn.autooff.VpnAutoOffHandler;
import dev.switchboard.vpn.portal.VpnPortalHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one month of a workload through the real vpn-portal and vpn-auto-off handlers (in-process, their real EC2
 * adapter over HTTP to the emulator, employees signed in with ALB-signed tokens), every clock being the emulator's,
 * which only moves when the simulation moves it.
 *
 * <p>What each simulated person does: opens {@code /} (which turns the VPN on if it is off), watches
 * {@code /status} every 15 s as the page does until it says ready (or off again, then opens {@code /} again),
 * connects a little later, works, disconnects. A connection that ends before the person is done is a cut; they
 * go back to the page and finish their work afterwards. What the schedules do: the nightly command at 22:00, the
 * deadline if set, the idle check every {@link Policy#checkMinutes()} minutes. An idle check is skipped when nothing
 * is associated: it would read, find the VPN off and change nothing (it is still counted as an invocation).
 */
final class MonthSimulation {

    static final Duration ASSOCIATION = Duration.ofMinutes(7);
    static final Duration DISASSOCIATION = Duration.ofMinutes(2);
    static final Duration PAGE_REFRESH = Duration.ofSeconds(15);
    /** While something is associated the clock moves at most this much at once, so cuts are seen when they happen. */
    static final Duration MAX_STEP = Duration.ofMinutes(1);

    private static final String ENDPOINT = AwsEmulator.DEMO_ENDPOINT_ID;
    private static final String SUBNET = AwsEmulator.DEMO_SUBNET_A;
    private static final String ALB_ARN =
            "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/switchboard-sim/0123456789abcdef";

    private final Workload workload;
    private final Policy policy;
    private final AwsEmulator emu;
    private final AlbTokenSigner signer = new AlbTokenSigner(ALB_ARN, "sim-client", "https://sim.example.com/issuer");
    private final RequestStreamHandler portal;
    private final RequestStreamHandler autoOff;
    private int invocations;
    private int skippedRefreshes;
    private int cuts;

    private MonthSimulation(Workload workload, Policy policy, AwsEmulator emu, PublicKeyServer keys) {
        this.workload = workload;
        this.policy = policy;
        this.emu = emu;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", "ap-northeast-1");
        env.put("ALB_ARN", ALB_ARN);
        env.put("ALB_PUBLIC_KEY_URL", keys.baseUrl().toString());
        env.put("ADMIN_EMAILS", "admin@example.com");
        env.put("CLIENT_VPN_ENDPOINT_ID", ENDPOINT);
        env.put("TARGET_SUBNET_IDS", SUBNET);
        env.put("SCHEDULE_TIMEZONE", workload.zone().getId());
        env.put("HOURLY_PRICE_USD", "0.15");
        env.putAll(policy.environment());
        Clock clock = emu.clock();
        this.portal = new VpnPortalHandler(Env.of(env), clock);
        this.autoOff = new VpnAutoOffHandler(Env.of(env), clock);
    }

    /** One month, one setting, on a fresh emulator. */
    static Result run(Workload workload, Policy policy) {
        Consumer<String> previous = JsonLog.redirect(line -> { });
        try (AwsEmulator emu = AwsEmulator.start(0)) {
            emu.seedClientVpnEndpoint(ENDPOINT, AwsEmulator.DEMO_VPC_ID);
            emu.seedSubnet(SUBNET, AwsEmulator.DEMO_VPC_ID, "ap-northeast-1a");
            emu.setAssociationDelay(ASSOCIATION);
            emu.setDisassociationDelay(DISASSOCIATION);
            emu.freezeClockAt(workload.start());
            pointSdkAt(emu);
            MonthSimulation sim;
            try (PublicKeyServer keys = PublicKeyServer.start()) {
                sim = new MonthSimulation(workload, policy, emu, keys);
                keys.put(sim.signer.kid(), sim.signer.publicKeyPem());
                return sim.simulate();
            }
        } finally {
            JsonLog.redirect(previous);
        }
    }

    /** The functions build their EC2 client the Lambda way; the SDK's own settings send it to the emulator. */
    private static void pointSdkAt(AwsEmulator emu) {
        System.setProperty("aws.endpointUrlEc2", emu.endpoint().toString());
        System.setProperty("aws.accessKeyId", "sim");
        System.setProperty("aws.secretAccessKey", "sim");
    }

    // ------------------------------------------------------------------ the month

    private enum Phase { WAITING, CONNECTING, WORKING, DONE }

    /** One person's session as it unfolds. */
    private final class Person {
        final Workload.Session session;
        final String id;
        Phase phase = Phase.WAITING;
        Instant next;
        Instant waitingSince;
        Duration waited = Duration.ZERO;
        Duration workLeft;
        String connectionId;
        int connections;

        Person(Workload.Session session, int index) {
            this.session = session;
            this.id = "s" + index;
            this.next = session.request();
            this.workLeft = session.work();
        }

        /** Acts at {@code now} if due. */
        void act(Instant now) {
            if (phase == Phase.DONE || now.isBefore(next)) {
                if (phase == Phase.WORKING && emu.connectionEnd(ENDPOINT, connectionId).isPresent()) {
                    cut(now);
                }
                return;
            }
            switch (phase) {
                case WAITING -> poll(now);
                case CONNECTING -> connect(now);
                case WORKING -> {
                    emu.terminateConnection(ENDPOINT, connectionId);
                    phase = Phase.DONE;
                }
                default -> { }
            }
        }

        private void poll(Instant now) {
            if (waitingSince == null) {
                waitingSince = now;
                page("/");  // opening the page turns the VPN on when it is off
            }
            String state = status();
            if (state.equals("off")) {
                page("/");
                state = status();
            }
            if (state.equals("ready")) {
                waited = waited.plus(Duration.between(waitingSince, now));
                waitingSince = null;
                phase = Phase.CONNECTING;
                next = now.plus(session.connectDelay());
            } else {
                next = nextUsefulRefresh(now);
            }
        }

        /**
         * The page refreshes every 15 s, and a refresh only reads (GET /status never writes), so the refreshes
         * before the association's next change would all say the same: the simulation jumps to the first refresh
         * after it and counts the ones it skipped as invocations.
         */
        private Instant nextUsefulRefresh(Instant now) {
            Instant change = emu.nextAssociationChange(ENDPOINT).orElse(now);
            long refreshes = Math.max(1, (Duration.between(now, change).toSeconds() + PAGE_REFRESH.toSeconds() - 1)
                    / PAGE_REFRESH.toSeconds());
            skippedRefreshes += (int) refreshes - 1;
            return now.plus(PAGE_REFRESH.multipliedBy(refreshes));
        }

        private void connect(Instant now) {
            if (emu.associatedCount(ENDPOINT) == 0) {
                // Turned off between Ready and the connection: back to the page.
                phase = Phase.WAITING;
                next = now;
                return;
            }
            connectionId = "cvpn-connection-" + id + "x" + (++connections);
            emu.seedConnection(ENDPOINT, connectionId, session.person(), "172.16.0.10");
            phase = Phase.WORKING;
            next = now.plus(workLeft);
        }

        private void cut(Instant now) {
            cuts++;
            workLeft = Duration.between(now, next);
            phase = Phase.WAITING;
            next = now;
        }

        private void page(String path) {
            invoke(portal, AlbEvents.get(path).header("accept", "text/html")
                    .token(signer.sign(session.person(), session.person() + "@example.com", session.person()))
                    .toStream());
        }

        private String status() {
            JsonNode answer = invoke(portal, AlbEvents.get("/status").header("accept", "application/json")
                    .token(signer.sign(session.person(), session.person() + "@example.com", session.person()))
                    .toStream());
            try {
                return Json.mapper().readTree(answer.path("body").asText()).path("state").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Result simulate() {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < workload.sessions().size(); i++) {
            people.add(new Person(workload.sessions().get(i), i));
        }
        Instant now = workload.start();
        Instant stop = workload.end().plus(Duration.ofHours(6));
        Duration check = Duration.ofMinutes(Math.max(1, policy.checkMinutes()));
        Instant nextCheck = now.plus(check);
        int skippedChecks = 0;
        int nextPerson = 0;
        List<Person> active = new ArrayList<>();
        while (now.isBefore(stop)) {
            while (nextPerson < people.size() && !people.get(nextPerson).next.isAfter(now)) {
                active.add(people.get(nextPerson++));
            }
            for (Person p : active) {
                p.act(now);
            }
            active.removeIf(p -> p.phase == Phase.DONE);
            LocalTime local = now.atZone(workload.zone()).toLocalTime();
            if (local.equals(Policy.NIGHTLY) && !policy.nightlyCommand().isEmpty()) {
                command(policy.nightlyCommand());
            }
            if (policy.deadline().isPresent() && local.equals(policy.deadline().get())) {
                command("force");
            }
            int due = 0;
            while (policy.checkMinutes() > 0 && !now.isBefore(nextCheck)) {
                nextCheck = nextCheck.plus(check);
                due++;
            }
            if (due > 0 && emu.occupiedCount(ENDPOINT) > 0) {
                command("idle");
                due--;
            }
            skippedChecks += due;
            Instant next = nextEvent(now, people, nextPerson, active, nextCheck);
            emu.advanceClock(Duration.between(now, next));
            now = next;
        }
        List<Duration> waits = people.stream().map(p -> p.waited).toList();
        int turnOns = emu.callCount("AssociateClientVpnTargetNetwork");
        return new Result(policy.name(), emu.billedAssociationTime(ENDPOINT), turnOns, waits, cuts,
                invocations + skippedChecks + skippedRefreshes);
    }

    private Instant nextEvent(Instant now, List<Person> people, int nextPerson, List<Person> active, Instant nextCheck) {
        Instant next = now.atZone(workload.zone()).toLocalDate().atTime(Policy.NIGHTLY).atZone(workload.zone()).toInstant();
        if (!next.isAfter(now)) {
            next = next.plus(Duration.ofDays(1));
        }
        if (policy.deadline().isPresent()) {
            LocalDate day = now.atZone(workload.zone()).toLocalDate();
            Instant deadline = day.atTime(policy.deadline().get()).atZone(workload.zone()).toInstant();
            next = earliest(next, deadline.isAfter(now) ? deadline : deadline.plus(Duration.ofDays(1)));
        }
        if (nextPerson < people.size()) {
            next = earliest(next, people.get(nextPerson).next);
        }
        for (Person p : active) {
            next = earliest(next, p.next);
        }
        if (emu.occupiedCount(ENDPOINT) > 0) {
            next = earliest(next, nextCheck);
            next = earliest(next, now.plus(MAX_STEP));
        }
        return next.isAfter(now) ? next : now.plusSeconds(1);
    }

    private static Instant earliest(Instant a, Instant b) {
        return b.isBefore(a) ? b : a;
    }

    private void command(String command) {
        JsonNode answer = invoke(autoOff, new ByteArrayInputStream(("{\"command\":\"" + command + "\"}")
                .getBytes(StandardCharsets.UTF_8)));
        if (!answer.path("ok").asBoolean(true) && answer.has("error")) {
            throw new IllegalStateException("auto-off refused " + command + ": " + answer);
        }
    }

    private JsonNode invoke(RequestStreamHandler handler, InputStream event) {
        invocations++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(event, out, null);
            return Json.mapper().readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
