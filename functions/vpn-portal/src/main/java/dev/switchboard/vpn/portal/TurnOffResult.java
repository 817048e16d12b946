package dev.switchboard.vpn.portal;

import java.util.List;

/**
 * What a turn-off did. Once a disassociation was accepted the turn-off happened, whatever failed after it;
 * those later failures are facts of the result, for the page to tell, not exceptions.
 *
 * @param disassociatedSubnets subnets this call started disassociating
 * @param failedSubnets        subnets whose disassociation EC2 refused (still associated)
 * @param activeConnections    active connections at the time: the ones cut (or, when not confirmed, to be cut)
 * @param recorded             whether the endpoint's tags now say who turned it off (the audit line always does)
 * @param status               where the VPN stands afterwards, from the answers to the turn-off's own calls
 */
public record TurnOffResult(Outcome outcome, List<String> disassociatedSubnets, List<String> failedSubnets,
                            int activeConnections, boolean recorded, VpnStatus status) {

    public enum Outcome {
        /** Disassociation started for every subnet that was on. */
        STARTED,
        /** Disassociation started for some subnets; EC2 refused the others ({@code failedSubnets}). */
        PARTIAL,
        /** Nothing was associated or associating: already off or turning off. */
        ALREADY_OFF,
        /** Not confirmed: nothing was done; {@code activeConnections} says what a confirmed turn-off would cut. */
        CONFIRMATION_REQUIRED
    }

    public TurnOffResult {
        disassociatedSubnets = List.copyOf(disassociatedSubnets);
        failedSubnets = List.copyOf(failedSubnets);
    }

    static TurnOffResult nothingDone(Outcome outcome, int activeConnections, VpnStatus status) {
        return new TurnOffResult(outcome, List.of(), List.of(), activeConnections, true, status);
    }

    /** Whether people were (or are being) cut off by this call. */
    public boolean changedSomething() {
        return !disassociatedSubnets.isEmpty();
    }
}
