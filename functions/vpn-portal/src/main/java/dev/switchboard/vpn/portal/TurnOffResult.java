package dev.switchboard.vpn.portal;

import java.util.List;

/**
 * What a turn-off did.
 *
 * @param disassociatedSubnets subnets this call started disassociating
 * @param activeConnections    active connections at the time: the ones cut (or, when not confirmed, to be cut)
 */
public record TurnOffResult(Outcome outcome, List<String> disassociatedSubnets, int activeConnections,
                            VpnStatus status) {

    public enum Outcome {
        /** Disassociation started. */
        STARTED,
        /** Nothing was associated or associating: already off or turning off. */
        ALREADY_OFF,
        /** Not confirmed: nothing was done; {@code activeConnections} says what a confirmed turn-off would cut. */
        CONFIRMATION_REQUIRED
    }

    public TurnOffResult {
        disassociatedSubnets = List.copyOf(disassociatedSubnets);
    }
}
