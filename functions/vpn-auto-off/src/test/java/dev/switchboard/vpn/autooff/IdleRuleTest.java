package dev.switchboard.vpn.autooff;

import dev.switchboard.vpn.Connection;
import dev.switchboard.vpn.Endpoint;
import dev.switchboard.vpn.VpnTags;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The idle rule's edges, without AWS: idle = 30 min, grace = 15 min, nightly idle = 5 min. */
class IdleRuleTest {

    private static final Instant ON = Instant.parse("2026-11-21T01:00:00Z");
    private final IdleRule rule = new IdleRule(30, 15, 5);

    @Test
    void evaluate_unusedTurnOnInsideGrace_waitsForTheGraceOnly() {
        IdleRule.Verdict v = rule.evaluate(endpoint(ON, null), List.of(), ON.plus(min(14)), false);

        assertThat(v.decision()).isEqualTo(Decision.GRACE_PERIOD);
        assertThat(v.offAfter()).isEqualTo(ON.plus(min(15)));
    }

    @Test
    void evaluate_nobodyConnectedWithinGrace_turnsOffAtGraceShorterThanIdle() {
        IdleRule.Verdict v = rule.evaluate(endpoint(ON, null), List.of(), ON.plus(min(15)), false);

        assertThat(v.decision()).isEqualTo(Decision.TURN_OFF);
        assertThat(v.idleSince()).isEqualTo(ON);
    }

    @Test
    void evaluate_graceLongerThanIdle_graceStillHoldsAnUnusedTurnOn() {
        IdleRule longGrace = new IdleRule(10, 25, 5);

        assertThat(longGrace.evaluate(endpoint(ON, null), List.of(), ON.plus(min(24)), false).decision())
                .isEqualTo(Decision.GRACE_PERIOD);
        assertThat(longGrace.evaluate(endpoint(ON, null), List.of(), ON.plus(min(25)), false).decision())
                .isEqualTo(Decision.TURN_OFF);
    }

    @Test
    void evaluate_usedThenLeftInsideGrace_idleCountsFromTheirEndNotTheGrace() {
        IdleRule longGrace = new IdleRule(10, 25, 5);
        List<Connection> used = List.of(ended("a", ON.plus(min(8)), ON.plus(min(9))));

        assertThat(longGrace.evaluate(endpoint(ON, null), used, ON.plus(min(18)), false).decision())
                .isEqualTo(Decision.NOT_IDLE_LONG_ENOUGH);
        IdleRule.Verdict v = longGrace.evaluate(endpoint(ON, null), used, ON.plus(min(19)), false);
        assertThat(v.decision()).isEqualTo(Decision.TURN_OFF);
        assertThat(v.idleSince()).isEqualTo(ON.plus(min(9)));
    }

    @Test
    void evaluate_connectionEndedBeforeTurnOn_isNotAUseOfThisTurnOn() {
        Connection old = ended("a", ON.minus(min(50)), ON.minus(min(40)));

        IdleRule.Verdict v = rule.evaluate(endpoint(ON, null), List.of(old), ON.plus(min(14)), false);

        assertThat(v.decision()).isEqualTo(Decision.GRACE_PERIOD);
        assertThat(v.idleSince()).isEqualTo(ON);
    }

    @Test
    void evaluate_afterNightly_usesTheShorterNightlyIdle() {
        List<Connection> used = List.of(ended("a", ON, ON.plus(min(40))));

        assertThat(rule.evaluate(endpoint(ON, null), used, ON.plus(min(44)), true).decision())
                .isEqualTo(Decision.NOT_IDLE_LONG_ENOUGH);
        assertThat(rule.evaluate(endpoint(ON, null), used, ON.plus(min(45)), true).decision())
                .isEqualTo(Decision.TURN_OFF);
        assertThat(rule.evaluate(endpoint(ON, null), used, ON.plus(min(45)), false).decision())
                .isEqualTo(Decision.NOT_IDLE_LONG_ENOUGH);
    }

    @Test
    void evaluate_afterNightlyButTurnedOnMomentsAgo_stillGivesTheGraceForAFirstConnection() {
        assertThat(rule.evaluate(endpoint(ON, null), List.of(), ON.plus(min(10)), true).decision())
                .isEqualTo(Decision.GRACE_PERIOD);
    }

    @Test
    void evaluate_dayIdleShorterThanNightly_nightUsesTheDayIdle() {
        IdleRule shortDay = new IdleRule(3, 15, 5);
        List<Connection> used = List.of(ended("a", ON, ON.plus(min(40))));

        assertThat(shortDay.evaluate(endpoint(ON, null), used, ON.plus(min(43)), true).decision())
                .isEqualTo(Decision.TURN_OFF);
    }

    @Test
    void evaluate_noDayIdleRule_nightStillUsesTheNightlyIdle() {
        IdleRule noDayRule = new IdleRule(0, 15, 5);
        List<Connection> used = List.of(ended("a", ON, ON.plus(min(40))));

        assertThat(noDayRule.evaluate(endpoint(ON, null), used, ON.plus(min(45)), true).decision())
                .isEqualTo(Decision.TURN_OFF);
    }

    @Test
    void evaluate_latestOfSeveralEnds_isIdleSince() {
        List<Connection> list = List.of(ended("a", ON, ON.plus(min(20))), ended("b", ON, ON.plus(min(40))),
                ended("c", ON, ON.plus(min(25))));

        IdleRule.Verdict v = rule.evaluate(endpoint(ON, null), list, ON.plus(min(69)), false);

        assertThat(v.decision()).isEqualTo(Decision.NOT_IDLE_LONG_ENOUGH);
        assertThat(v.idleSince()).isEqualTo(ON.plus(min(40)));
        assertThat(rule.evaluate(endpoint(ON, null), list, ON.plus(min(70)), false).decision()).isEqualTo(Decision.TURN_OFF);
    }

    @Test
    void evaluate_anyActiveConnection_isInUse() {
        Connection active = new Connection("cvpn-connection-1", "alice", "172.16.0.1", Connection.ACTIVE, ON, null);

        IdleRule.Verdict v = rule.evaluate(endpoint(ON, null), List.of(active), ON.plus(Duration.ofDays(1)), false);

        assertThat(v.decision()).isEqualTo(Decision.IN_USE);
    }

    @Test
    void evaluate_tagMissingAndNoConnection_cannotDateTheTurnOnAndWaits() {
        IdleRule.Verdict v = rule.evaluate(new Endpoint("cvpn-endpoint-1", "available", Map.of()), List.of(),
                ON.plus(Duration.ofDays(1)), false);

        assertThat(v.decision()).isEqualTo(Decision.TURN_ON_UNKNOWN);
    }

    @Test
    void evaluate_tagUnreadable_treatedAsMissing() {
        Endpoint endpoint = new Endpoint("cvpn-endpoint-1", "available", Map.of(VpnTags.TURNED_ON_AT, "yesterday"));

        assertThat(rule.evaluate(endpoint, List.of(), ON, false).decision()).isEqualTo(Decision.TURN_ON_UNKNOWN);
    }

    @Test
    void evaluate_turnOnTagOlderThanLastTurnOff_isStaleAndIgnored() {
        Instant off = ON.plus(min(120));

        IdleRule.Verdict v = rule.evaluate(endpoint(ON, off), List.of(), off.plus(min(90)), false);

        assertThat(v.decision()).isEqualTo(Decision.TURN_ON_UNKNOWN);
        assertThat(v.turnedOnAt()).isNull();
    }

    @Test
    void evaluate_unknownTurnOnButSomeoneUsedThisOnPeriod_measuresFromTheirEnd() {
        Instant off = ON.plus(min(120));
        Connection beforeOff = ended("a", off.minus(min(10)), off.plus(min(1)));
        Connection afterOn = ended("b", off.plus(min(20)), off.plus(min(25)));

        IdleRule.Verdict waiting = rule.evaluate(endpoint(ON, off), List.of(beforeOff, afterOn), off.plus(min(54)), false);
        IdleRule.Verdict acting = rule.evaluate(endpoint(ON, off), List.of(beforeOff, afterOn), off.plus(min(55)), false);

        assertThat(waiting.decision()).isEqualTo(Decision.NOT_IDLE_LONG_ENOUGH);
        assertThat(acting.decision()).isEqualTo(Decision.TURN_OFF);
        assertThat(acting.idleSince()).isEqualTo(off.plus(min(25)));
    }

    @Test
    void evaluate_unknownTurnOnAndOnlyConnectionsFromBeforeTheLastTurnOff_waits() {
        Instant off = ON.plus(min(120));
        Connection beforeOff = ended("a", off.minus(min(10)), off.plus(min(1)));

        assertThat(rule.evaluate(endpoint(ON, off), List.of(beforeOff), off.plus(min(59)), false).decision())
                .isEqualTo(Decision.TURN_ON_UNKNOWN);
    }

    private static Endpoint endpoint(Instant on, Instant off) {
        Map<String, String> tags = new HashMap<>();
        tags.put(VpnTags.TURNED_ON_AT, on.toString());
        if (off != null) {
            tags.put(VpnTags.TURNED_OFF_AT, off.toString());
        }
        return new Endpoint("cvpn-endpoint-1", "available", tags);
    }

    private static Connection ended(String id, Instant established, Instant ended) {
        return new Connection(id, "user-" + id, "172.16.0.1", "terminated", established, ended);
    }

    private static Duration min(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
