package dev.switchboard.vpn.portal;

import java.util.List;

/**
 * What a turn-on did.
 *
 * @param startedSubnets subnets this call started associating (empty when someone else was faster)
 */
public record TurnOnResult(Outcome outcome, List<String> startedSubnets, VpnStatus status) {

    public enum Outcome {
        /** This call started at least one association. */
        STARTED,
        /** Every target subnet was already associated or associating (or a concurrent turn-on won the race). */
        ALREADY_ON,
        /** A turn-off is in progress: EC2 cannot associate a subnet that is still disassociating. */
        TURNING_OFF
    }

    public TurnOnResult {
        startedSubnets = List.copyOf(startedSubnets);
    }
}
